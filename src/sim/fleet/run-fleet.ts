import { loadRegistry } from "../../schema/index.ts";
import { RealClock, VirtualClock, type Cancel, type Clock } from "../clock.ts";
import type { ResolvedScenario } from "../scenario/resolved-scenario.ts";
import { rampUp } from "./connect-ramp.ts";
import { withDefaults, type FleetInit, type FleetOptions } from "./fleet-options.ts";
import type { FleetProgress } from "./fleet-progress.ts";
import { FleetSender } from "./fleet-sender.ts";
import type { FleetSession, SessionListener } from "./fleet-session.ts";
import { fleetStreams, type FleetStreams, type Stream } from "./fleet-streams.ts";
import { summarize, withoutCredentials, type FleetSummary } from "./fleet-summary.ts";
import { FleetTraffic } from "./fleet-traffic.ts";
import { mqttTransport, type MqttSessionOptions } from "./mqtt-session.ts";
import { connectionLimitProblem } from "./os-limits.ts";
import { planSessions, type SessionPlan } from "./session-plan.ts";

/** This machine cannot hold the connections the run needs; the message says what to change. */
export class FleetLimitError extends Error {
  override readonly name = "FleetLimitError";
}

/** Most messages handled in one round before the event loop gets to do I/O. */
const MAX_ROUND = 5000;
/** Longest wait after the last send for QoS 1 acknowledgements, ms. */
const DRAIN_MS = 2000;
const PROGRESS_MS = 1000;

/**
 * Runs one shard of a scenario as a fleet of MQTT clients and returns the summary. Connections are
 * opened at `connectRate`; from the start time every device sends on its own schedule (see
 * fleetStreams). Each round of sending handles everything due by now in due order. Nothing waits
 * in a queue: a message whose connection is down or full is dropped, one a whole period late is
 * skipped, each counted, so memory stays bounded and the summary says what did not go out and why.
 */
export async function runFleet(init: FleetInit): Promise<FleetSummary> {
  return new FleetRun(withDefaults(init)).run();
}

class FleetRun {
  private readonly options: FleetOptions;
  private readonly clock: Clock;
  private readonly virtual: boolean;
  private readonly sender: FleetSender;
  private readonly plan: SessionPlan;
  private readonly sessions: FleetSession[];
  private readonly everUp: Uint8Array;
  private readonly settledOnce: Uint8Array;
  private settledCount = 0;
  private connectedCount = 0;
  private refusedCount = 0;
  private scenario: ResolvedScenario;
  /** How long resolving the scenario took, ms. */
  private readonly loadMs: number;
  private phase: FleetProgress["phase"] = "connecting";
  private rampUpMs = 0;
  private start: number | undefined;
  private stoppedAt: number | undefined;
  private interrupted = false;
  private traffic: FleetTraffic | undefined;
  private streams: FleetStreams = { streams: [], connectionLost: () => undefined };
  private wake: Cancel | undefined;
  private loopDone: (() => void) | undefined;
  private progressTimer: NodeJS.Timeout | undefined;
  private reportedSent = 0;
  private reportedAt = 0;

  constructor(options: FleetOptions) {
    this.options = options;
    this.clock = options.clock ?? new RealClock();
    this.virtual = this.clock instanceof VirtualClock;
    this.sender = new FleetSender(this.clock);
    const loading = performance.now();
    this.scenario = options.scenario(options.start ?? this.clock.now());
    this.loadMs = performance.now() - loading;
    const { index, count } = options.shard;
    this.plan = planSessions(this.scenario.shard(index, count), options.connections, options.clientIdPrefix);
    const sessionCount = this.plan.clientIds.length;
    if (options.transport === undefined) {
      const problem = connectionLimitProblem(sessionCount);
      if (problem !== undefined) throw new FleetLimitError(problem);
    }
    const transport = options.transport ?? mqttTransport(this.mqttOptions());
    const listener: SessionListener = { up: (s) => this.onUp(s), down: (s, reason) => this.onDown(s, reason), failed: (s, reason) => this.onFailed(s, reason) };
    this.sessions = this.plan.clientIds.map((clientId, i) => transport.createSession(i, clientId, listener));
    this.everUp = new Uint8Array(sessionCount);
    this.settledOnce = new Uint8Array(sessionCount);
  }

  async run(): Promise<FleetSummary> {
    this.startProgress();
    try {
      await this.connect();
      if (this.options.signal?.aborted === true) this.interrupted = true;
      else if (this.everUp.includes(1)) {
        this.prepare();
        await this.sendUntilEnd();
        await this.drain();
      }
      return await this.finish();
    } finally {
      clearInterval(this.progressTimer);
    }
  }

  private mqttOptions(): MqttSessionOptions {
    const o = this.options;
    const shared = o.connections.kind === "shared";
    const devicesPerSession = Math.max(1, ...this.plan.devices.map((d) => d.length));
    return {
      url: o.broker,
      protocolVersion: o.protocolVersion,
      keepalive: o.keepalive,
      connectTimeoutMs: o.connectTimeoutMs,
      reconnect: o.reconnect,
      bufferLimit: o.sessionBufferBytes ?? (shared ? 8 * 2 ** 20 : 16 * 2 ** 10),
      maxInFlight: o.maxInFlight ?? Math.min(60_000, 16 * devicesPerSession),
      batchWrites: shared,
      ...(o.username === undefined ? {} : { username: o.username }),
      ...(o.password === undefined ? {} : { password: o.password }),
    };
  }

  private async connect(): Promise<void> {
    const started = performance.now();
    await rampUp(this.sessions, {
      rate: this.virtual ? Infinity : this.options.connectRate,
      now: () => performance.now(),
      wait: (ms) => (this.virtual ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms))),
      settled: () => this.settledCount,
      settleTimeoutMs: this.virtual ? 0 : this.options.connectTimeoutMs,
      signal: this.options.signal,
    });
    this.rampUpMs = performance.now() - started;
  }

  /** Resolves the scenario at the start time and builds the traffic and its schedules. */
  private prepare(): void {
    const o = this.options;
    // On a real clock, leave room to build the simulation: about three times as long as loading the scenario.
    const start = o.start ?? (this.virtual ? this.clock.now() : Math.ceil((this.clock.now() + 1000 + 3 * this.loadMs) / 1000) * 1000);
    this.start = start;
    if (this.scenario.start !== start) this.scenario = o.scenario(start);
    const traffic = new FleetTraffic(this.scenario.shard(o.shard.index, o.shard.count), { worldStepMs: o.worldStepMs });
    this.traffic = traffic;
    this.streams = fleetStreams(traffic, (device) => this.sessionOf(device), this.sender, {
      start,
      end: start + this.plannedMs,
      rate: o.rate,
      realtimePeriodMs: o.realtimePeriodMs,
      topicTemplate: o.topicTemplate,
      protocolVersion: o.protocolVersion,
      registry: o.registry ?? loadRegistry(),
      warmUp: !this.virtual,
    });
  }

  private get plannedMs(): number {
    return this.options.duration ?? this.scenario.duration;
  }

  /** Sends everything from the start to the end, then resolves. */
  private sendUntilEnd(): Promise<void> {
    const done = new Promise<void>((resolve) => (this.loopDone = resolve));
    const start = this.start ?? this.clock.now();
    this.phase = "waiting";
    this.wake = this.clock.schedule(start, () => {
      this.phase = "running";
      this.reportedAt = this.clock.now();
      this.tick();
    });
    if (this.clock instanceof VirtualClock) this.clock.runUntil(start + this.plannedMs);
    return done;
  }

  /** One round: every message due by now, in due order (at most MAX_ROUND), then the next wake-up. */
  private readonly tick = (): void => {
    this.wake = undefined;
    if (this.options.signal?.aborted === true) {
      this.interrupted = true;
      this.stopLoop();
      return;
    }
    const traffic = this.traffic!;
    const sender = this.sender;
    const roundStart = (sender.now = this.clock.now());
    let budget = MAX_ROUND;
    let next = this.earliest();
    // The clock is read again only when the next message seems not yet due, so a long round sees the time move on.
    while (next !== undefined && (next.schedule.nextDue <= sender.now || next.schedule.nextDue <= (sender.now = this.clock.now())) && budget > 0) {
      const due = next.schedule.nextDue;
      const member = next.schedule.nextMember;
      next.schedule.advance();
      budget -= 1;
      if (next.skipInto !== undefined && sender.now - due >= next.schedule.period) {
        sender.skip(next.skipInto);
      } else {
        traffic.advanceTo(due);
        next.send(member, due);
      }
      next = this.earliest();
    }
    sender.flush();
    if (this.options.connections.kind === "shared") for (const session of this.sessions) session.flush();
    if (next === undefined) this.stopLoop();
    else if (budget === 0 && !this.virtual) {
      // Behind: carry on as soon as pending I/O has run, without a timer's 1 ms minimum.
      const immediate = setImmediate(this.tick);
      this.wake = () => clearImmediate(immediate);
    } else {
      const due = next.schedule.nextDue;
      // Rounds start at most every tickMs, counted from this round's start so that a long round is not followed by a full pause.
      this.wake = this.clock.schedule(this.virtual || budget === 0 ? due : Math.max(due, roundStart + this.options.tickMs), this.tick);
    }
  };

  private earliest(): Stream | undefined {
    let best: Stream | undefined;
    for (const stream of this.streams.streams) {
      if (stream.schedule.nextDue !== Infinity && (best === undefined || stream.schedule.nextDue < best.schedule.nextDue)) best = stream;
    }
    return best;
  }

  private stopLoop(): void {
    this.stoppedAt = this.clock.now();
    this.wake?.();
    this.wake = undefined;
    this.phase = "closing";
    this.loopDone?.();
  }

  /** Waits a bounded time for QoS 1 acknowledgements. */
  private async drain(): Promise<void> {
    const deadline = performance.now() + (this.virtual ? 0 : DRAIN_MS);
    while (this.sender.inFlight > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  private async finish(): Promise<FleetSummary> {
    this.phase = "closing";
    const connectedAtEnd = this.connectedCount;
    await Promise.all(this.sessions.map((s) => s.close()));
    this.phase = "done";
    this.report();
    const o = this.options;
    const shard = this.scenario.shard(o.shard.index, o.shard.count);
    return summarize({
      scenario: this.scenario,
      shard: o.shard,
      broker: o.transport === undefined ? withoutCredentials(o.broker) : o.broker,
      mode: o.connections.kind,
      devices: {
        vehicles: this.plan.vehicles,
        obus: this.traffic?.obus.length ?? Object.keys(shard.obus).length,
        tboxes: this.traffic?.tboxes.length ?? Object.keys(shard.tboxes).length,
        rsus: shard.rsus.length,
      },
      sessions: this.sessions.length,
      everConnected: this.everUp.reduce((a, b) => a + b, 0),
      connectedAtEnd,
      refused: this.refusedCount,
      rampUpMs: this.rampUpMs,
      rate: { bsmHz: o.rate, realtimePeriodMs: o.realtimePeriodMs },
      plannedMs: this.plannedMs,
      sendingFrom: this.start,
      sendingUntil: this.stoppedAt,
      interrupted: this.interrupted,
      counters: this.sender.counters,
      lateness: this.sender.lateness,
      outages: this.sender.outages,
      devicesOf: (session) => this.plan.devices[session] ?? [],
      outageDetailLimit: o.outageDetailLimit,
    });
  }

  private sessionOf(device: string): FleetSession {
    const session = this.sessions[this.plan.sessionOf.get(device) ?? -1];
    if (session === undefined) throw new Error(`fleet: no connection carries ${device}`);
    return session;
  }

  private onUp(session: FleetSession): void {
    this.connectedCount += 1;
    this.everUp[session.index] = 1;
    this.markSettled(session);
    this.sender.outages.restored(session.index, this.clock.now());
  }

  private onDown(session: FleetSession, reason: string): void {
    this.connectedCount -= 1;
    this.streams.connectionLost(session.index);
    this.sender.outages.lost(session.index, this.clock.now());
    this.sender.counters.note(`connection lost: ${reason}`);
  }

  private onFailed(session: FleetSession, reason: string): void {
    this.sender.counters.connectionFailures += 1;
    if (session.refused) this.refusedCount += 1;
    this.sender.counters.note(reason);
    this.markSettled(session);
  }

  private markSettled(session: FleetSession): void {
    if (this.settledOnce[session.index] === 1) return;
    this.settledOnce[session.index] = 1;
    this.settledCount += 1;
  }

  private startProgress(): void {
    if (this.options.onProgress === undefined || this.virtual) return;
    this.reportedAt = this.clock.now();
    this.progressTimer = setInterval(() => this.report(), PROGRESS_MS);
    this.progressTimer.unref();
  }

  private report(): void {
    const onProgress = this.options.onProgress;
    if (onProgress === undefined) return;
    const now = this.clock.now();
    const { counters, recent } = this.sender;
    const sent = counters.total("sent");
    onProgress({
      phase: this.phase,
      elapsedMs: this.start === undefined ? 0 : now - this.start,
      sessions: this.sessions.length,
      connected: this.connectedCount,
      sentPerSecond: (sent - this.reportedSent) / Math.max(0.001, (now - this.reportedAt) / 1000),
      latenessP50: recent.percentile(0.5),
      latenessP99: recent.percentile(0.99),
      sent,
      errors: counters.errors,
      dropped: counters.dropped,
      skipped: counters.total("skipped"),
    });
    recent.reset();
    this.reportedSent = sent;
    this.reportedAt = now;
  }
}
