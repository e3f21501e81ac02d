import { formatProgress, type FleetProgress } from "../fleet/fleet-progress.ts";

/**
 * A snapshot of a running load, in the fleet's progress shape so the same line prints it:
 * `sessions` are the T-Boxes, `sent` the realtime reports, `errors` the error answers, `dropped`
 * the reports due while their T-Box was offline, not logged in or blocked by a full socket.
 */
export interface TcpLoadProgress extends FleetProgress {
  /** T-Boxes logged in now. */
  readonly loggedIn: number;
  /** Connections lost since the start. */
  readonly connectionsLost: number;
}

/** The fleet's progress line with the logins and lost connections added. */
export function formatLoadProgress(p: TcpLoadProgress): string {
  return `${formatProgress(p)}  logged in ${p.loggedIn.toLocaleString("en-US")}  lost ${p.connectionsLost.toLocaleString("en-US")}`;
}
