import { Command, ResponseFlag, type Frame } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import type { Observation } from "../../transport/observation.ts";
import { Gbt32960TcpClient } from "../../transport/tcp/gbt32960-client.ts";
import { isTransportError } from "../../transport/transport-error.ts";
import { FLEET_DEFAULTS } from "../fleet/fleet-options.ts";
import type { LoadCounters } from "./load-counters.ts";
import type { LoadTboxFrames } from "./load-tbox-frames.ts";

/** What became of a frame handed to send(). */
export type SendOutcome = "sent" | "offline" | "backpressure";

type LoginState = "none" | "pending" | "accepted" | "refused" | "unanswered";

export interface LoadTboxOptions {
  readonly host: string;
  readonly port: number;
  readonly connectTimeoutMs: number;
  readonly loginTimeoutMs: number;
}

/**
 * One T-Box of a load run on its own TCP connection: it logs in each time the connection comes up
 * (the client reconnects with the fleet's backoff after a loss) and may report once the platform
 * answered that login with success. A login refused or not answered in time leaves it silent until
 * its next connection; everything the platform sends is counted by what it answers.
 */
export class LoadTbox {
  readonly index: number;
  readonly vin: string;
  private readonly client: Gbt32960TcpClient;
  private readonly frames: LoadTboxFrames;
  private readonly counters: LoadCounters;
  private readonly loginTimeoutMs: number;
  private login: LoginState = "none";
  private loginTimer: NodeJS.Timeout | undefined;
  private everUp = false;
  private closed = false;

  constructor(index: number, vin: string, frames: LoadTboxFrames, counters: LoadCounters, options: LoadTboxOptions) {
    this.index = index;
    this.vin = vin;
    this.frames = frames;
    this.counters = counters;
    this.loginTimeoutMs = options.loginTimeoutMs;
    this.client = new Gbt32960TcpClient({ host: options.host, port: options.port, connectTimeoutMs: options.connectTimeoutMs, reconnect: FLEET_DEFAULTS.reconnect });
    this.client.on("connect", () => this.up());
    this.client.on("offline", (cause) => this.down(cause.message));
    this.client.on("observation", (observation) => this.hear(observation));
  }

  get connected(): boolean {
    return !this.closed && this.client.connected;
  }

  get loggedIn(): boolean {
    return this.login === "accepted" && this.connected;
  }

  /** Opens the first connection; one that cannot be opened is counted and not retried. */
  open(): void {
    this.client.connect().catch((error: Error) => {
      this.counters.connectFailures += 1;
      this.counters.problem(`${this.vin}: ${error.message}`);
    });
  }

  /** The realtime report collected at `due`, when logged in. */
  report(due: number): SendOutcome {
    return this.loggedIn ? this.send(this.frames.realtime(this.index, due)) : "offline";
  }

  heartbeat(): void {
    if (this.loggedIn && this.send(this.frames.heartbeat(this.index)) === "sent") this.counters.heartbeatsSent += 1;
  }

  close(): void {
    this.closed = true;
    this.endLogin("none");
    this.client.close();
  }

  private send(frame: Frame): SendOutcome {
    try {
      this.client.send(frame);
      return "sent";
    } catch (error) {
      if (isTransportError(error, "pending-limit")) return "backpressure";
      if (isTransportError(error, "closed")) return "offline";
      throw error;
    }
  }

  private up(): void {
    if (this.everUp) this.counters.reconnects += 1;
    else this.counters.everConnected += 1;
    this.everUp = true;
    if (this.send(this.frames.login(this.index, Date.now())) !== "sent") return;
    this.counters.loginsSent += 1;
    this.counters.loginsPending += 1;
    this.login = "pending";
    this.loginTimer = setTimeout(() => this.endLogin("unanswered"), this.loginTimeoutMs);
  }

  private down(reason: string): void {
    this.counters.connectionsLost += 1;
    this.counters.problem(`${this.vin}: ${reason}`);
    this.endLogin(this.login === "pending" ? "unanswered" : "none");
  }

  /** Ends the login state; a pending login is settled as `next` says. */
  private endLogin(next: LoginState): void {
    clearTimeout(this.loginTimer);
    if (this.login === "pending") {
      this.counters.loginsPending -= 1;
      if (next === "unanswered") this.counters.loginsUnanswered += 1;
    }
    this.login = next;
  }

  private hear(observation: Observation): void {
    const counters = this.counters;
    if (!observation.decoded.ok) {
      counters.unreadableFrames += 1;
      counters.problem(`${this.vin}: unreadable bytes from the platform: ${observation.decoded.error}`);
      return;
    }
    const frame = observation.decoded.message as unknown as Frame;
    if (frame.command === Command.VEHICLE_LOGIN && frame.responseFlag !== ResponseFlag.COMMAND && this.login === "pending") {
      if (frame.responseFlag === ResponseFlag.SUCCESS) {
        counters.loginsAccepted += 1;
        this.endLogin("accepted");
      } else {
        counters.loginsRefused += 1;
        const flag = flagName(frame.responseFlag);
        counters.refusedFlags.set(flag, (counters.refusedFlags.get(flag) ?? 0) + 1);
        counters.problem(`${this.vin}: login refused with ${flag}`);
        this.endLogin("refused");
      }
    } else if (frame.command === Command.HEARTBEAT && frame.responseFlag === ResponseFlag.SUCCESS) {
      counters.heartbeatsAnswered += 1;
    } else if (frame.responseFlag !== ResponseFlag.SUCCESS && frame.responseFlag !== ResponseFlag.COMMAND) {
      counters.errorAnswers += 1;
      counters.problem(`${this.vin}: ${flagName(frame.responseFlag)} answer to command ${hex(frame.command)}`);
    } else {
      counters.unexpectedFrames += 1;
      counters.problem(`${this.vin}: unexpected frame, command ${hex(frame.command)} flag ${flagName(frame.responseFlag)}`);
    }
  }
}

/** The response flag's name in the standard's table, or its number for one outside it. */
export function flagName(flag: number): string {
  return Object.entries(ResponseFlag).find(([, value]) => value === flag)?.[0] ?? hex(flag);
}

const hex = (n: number): string => `0x${n.toString(16).padStart(2, "0")}`;
