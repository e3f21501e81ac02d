import type { FleetSession } from "./fleet-session.ts";

/** How often the ramp opens its next batch of connections, ms. */
const STEP_MS = 10;

export interface RampOptions {
  /** Connections opened per second; Infinity opens all at once. */
  readonly rate: number;
  /** Real time, ms (any origin). */
  readonly now: () => number;
  /** Resolves after `ms`. */
  readonly wait: (ms: number) => Promise<void>;
  /** How many sessions have connected, failed or been refused at least once. */
  readonly settled: () => number;
  /** Longest wait for the last sessions to settle after all were opened, ms; 0 does not wait. */
  readonly settleTimeoutMs: number;
  /** Stops the ramp early. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Opens the sessions in order at `rate` per second (so neither this process nor the broker faces
 * thousands of handshakes at once), then waits until each has connected or failed once.
 */
export async function rampUp(sessions: readonly Pick<FleetSession, "open">[], options: RampOptions): Promise<void> {
  const started = options.now();
  let opened = 0;
  while (opened < sessions.length && options.signal?.aborted !== true) {
    const target = Math.min(sessions.length, Math.ceil(((options.now() - started + STEP_MS) * options.rate) / 1000));
    for (; opened < target; opened++) sessions[opened]!.open();
    if (opened < sessions.length) await options.wait(STEP_MS);
  }
  const deadline = options.now() + options.settleTimeoutMs;
  while (options.settled() < opened && options.now() < deadline && options.signal?.aborted !== true) await options.wait(STEP_MS);
}
