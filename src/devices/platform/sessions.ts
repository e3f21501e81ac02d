/** What the platform does when a VIN with a live session logs in again with another serial. */
export type DuplicateVinPolicy = "refuse" | "take-over";

interface Session {
  readonly serial: number;
  lastSeen: number;
  /** The connection the login came on, when the session ends with it (TCP). */
  readonly link: object | undefined;
}

/**
 * Who is logged in. A session lives from a successful login until the logout, or until the
 * vehicle has been silent for `timeoutMs` (GB/T 32960.3-2016 B.2.7: no heartbeat in time). A login
 * repeating the live session's serial is a retry of the same login, not a duplicate. A session
 * opened over a TCP connection also ends when that connection closes, so that a T-Box that
 * reconnects and logs in with its next serial is not refused as a duplicate of itself.
 */
export class Sessions {
  private readonly timeoutMs: number;
  private readonly sessions = new Map<string, Session>();

  constructor(timeoutMs: number) {
    this.timeoutMs = timeoutMs;
  }

  /** Opens a session, unless another live one for the VIN is to be refused. */
  login(vin: string, serial: number, now: number, policy: DuplicateVinPolicy, link?: object): "accepted" | "duplicate" {
    const live = this.live(vin, now);
    if (live !== undefined && live.serial !== serial && policy === "refuse") return "duplicate";
    this.sessions.set(vin, { serial, lastSeen: now, link });
    return "accepted";
  }

  /** Whether the VIN is logged in; a message from it keeps its session alive. */
  touch(vin: string, now: number): boolean {
    const live = this.live(vin, now);
    if (live !== undefined) live.lastSeen = now;
    return live !== undefined;
  }

  end(vin: string): void {
    this.sessions.delete(vin);
  }

  /** Ends every session whose login came on `link`. */
  endLink(link: object): void {
    for (const [vin, session] of this.sessions) if (session.link === link) this.sessions.delete(vin);
  }

  private live(vin: string, now: number): Session | undefined {
    const session = this.sessions.get(vin);
    if (session === undefined || now - session.lastSeen < this.timeoutMs) return session;
    this.sessions.delete(vin);
    return undefined;
  }
}
