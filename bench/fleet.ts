/**
 * Fleet benchmark against a local MQTT broker (default: Mosquitto on 127.0.0.1:1883), in one run:
 *
 *   publish/raw-mqttjs   the baseline: N plain mqtt.js clients, one connection each, publishing a
 *                        pre-encoded payload of the fleet's mean BSM size at QoS 0 with the MQTT 5
 *                        content type, each paced at the target rate on the fleet's schedule (same
 *                        phases, same rule: a message a whole period late is skipped). Its msg/s
 *                        is the ceiling of mqtt.js at that connection count and payload size (it
 *                        equals the target when mqtt.js keeps up).
 *   publish/raw-mqttjs-max  the same clients publishing flat out for a few seconds, unpaced.
 *   publish/fleet        `runFleet` on the built-in scenario scaled to N vehicles (every vehicle has
 *                        an OBU, 30 % a T-Box; BSM path history on 42 % of them as the scenario has
 *                        it, or on none with --path-history off), with the same connection count,
 *                        rate and duration.
 *
 * Prints msg/s, send lateness p50/p99, connections, CPU use (of one core, over the measured phase),
 * and fleet ÷ raw; then the machine and its load average, since other work on the machine moves
 * every figure. One run opens the connections twice (raw clients, then the fleet): N connections
 * need `ulimit -n` above N here and at the broker.
 * Usage: tsx bench/fleet.ts [--vehicles N] [--rate HZ] [--duration S] [--connections per-vehicle|shared:k]
 *                           [--path-history on|off] [--broker URL] [--connect-rate N]
 * Default: the issue's target, 10,000 vehicles at 10 Hz for 60 s, one connection per vehicle.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { connect, type MqttClient } from "mqtt";
import { loadRegistry } from "../src/schema/index.ts";
import { builtInScenarioPath } from "../src/sim/scenario/built-in-scenarios.ts";
import { contentType } from "../src/transport/content-type.ts";
import { renderTopic } from "../src/transport/topics.ts";
import {
  connectionLimitProblem,
  fleetScenario,
  FrameEncoder,
  FleetTraffic,
  formatProgress,
  LatenessHistogram,
  machineInfo,
  PeriodicSchedule,
  phaseOffset,
  runFleet,
  type ConnectionMode,
  type FleetScenario,
  type LatenessStats,
} from "../src/sim/fleet/index.ts";

interface Args {
  readonly vehicles: number;
  readonly rate: number;
  readonly duration: number;
  readonly connections: ConnectionMode;
  readonly broker: string;
  readonly connectRate: number;
  /** Keep the scenario's BSM path histories (on), or send BSMs without them (off). */
  readonly pathHistory: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const shared = /^shared(?::(\d+))?$/.exec(value("connections") ?? "");
  return {
    vehicles: Number(value("vehicles") ?? 10_000),
    rate: Number(value("rate") ?? 10),
    duration: Number(value("duration") ?? 60),
    connections: shared === null ? { kind: "per-vehicle" } : { kind: "shared", connections: Number(shared[1] ?? 4) },
    broker: value("broker") ?? "mqtt://127.0.0.1:1883",
    connectRate: Number(value("connect-rate") ?? 2000),
    pathHistory: value("path-history") !== "off",
  };
}

interface CaseResult {
  readonly name: string;
  readonly connections: number;
  readonly sentPerSecond: number;
  readonly lateness: LatenessStats | undefined;
  readonly skipped: number;
  readonly cpu: number;
  readonly brokerCpu: number | undefined;
}

const FRAME = "v2xh.csae53.v1.MessageFrame";
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string): void => void process.stderr.write(`${line}\n`);

/** The mean size of the BSMs the fleet sends once path histories are full (30 s in), bytes, from every 10th vehicle. */
function meanBsmSize(scenario: FleetScenario, start: number): number {
  const traffic = new FleetTraffic(scenario.at(start).shard(0, 10), { worldStepMs: 100 });
  const encoder = new FrameEncoder(loadRegistry(), FRAME);
  let total = 0;
  for (let t = start; t <= start + 30_000; t += 1000) {
    traffic.advanceTo(t);
    for (const obu of traffic.obus) {
      const size = encoder.encode(traffic.bsm(obu, t)).length;
      if (t === start + 30_000) total += size;
    }
  }
  return Math.round(total / traffic.obus.length);
}

/** CPU seconds a process has used, from /proc (Linux), or undefined. */
function processCpuSeconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** The pid of the longest-running local Mosquitto (Linux), to report the broker's CPU use; undefined for other brokers. */
function mosquittoPid(broker: string): number | undefined {
  if (!/^mqtt:\/\/(127\.0\.0\.1|localhost)(:|$)/.test(broker)) return undefined;
  try {
    const pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d)).map(Number).sort((x, y) => x - y);
    return pids.find((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "mosquitto";
      } catch {
        return false;
      }
    });
  } catch {
    return undefined;
  }
}

/** Measures `run` (which takes `seconds` of wall time) with this process's and the broker's CPU use. */
async function withCpu<T>(pid: number | undefined, run: () => Promise<T>): Promise<{ result: T; cpu: number; brokerCpu: number | undefined; seconds: number }> {
  const cpu0 = process.cpuUsage();
  const broker0 = pid === undefined ? undefined : processCpuSeconds(pid);
  const t0 = performance.now();
  const result = await run();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const broker1 = pid === undefined ? undefined : processCpuSeconds(pid);
  return { result, cpu: (cpu.user + cpu.system) / 1e6 / seconds, brokerCpu: broker0 === undefined || broker1 === undefined ? undefined : (broker1 - broker0) / seconds, seconds };
}

async function connectRaw(args: Args, count: number): Promise<MqttClient[]> {
  const clients: MqttClient[] = [];
  let up = 0;
  for (let i = 0; i < count; i++) {
    const client = connect(args.broker, { clientId: `bench-raw-${process.pid}-${i}`, protocolVersion: 5, reconnectPeriod: 0, keepalive: 60, clean: true });
    client.on("connect", () => (up += 1));
    client.on("error", () => undefined);
    clients.push(client);
    if (i % Math.ceil(args.connectRate / 100) === 0) await sleep(10);
  }
  const deadline = Date.now() + 30_000;
  while (up < count && Date.now() < deadline) await sleep(20);
  if (up < count) throw new Error(`only ${up} of ${count} raw mqtt.js clients connected to ${args.broker}`);
  return clients;
}

/** Topic of vehicle i in the raw cases. */
const rawTopic = (i: number): string => renderTopic("bench/{role}/{id}/{dir}/{type}", { role: "obu", id: `raw-${i}`, dir: "up", type: "bsm" });

/** The raw baseline, paced: every vehicle publishes at the target rate on the fleet's schedule, on client i mod (clients). */
async function rawPaced(args: Args, clients: readonly MqttClient[], payload: Buffer, pid: number | undefined): Promise<CaseResult> {
  const period = 1000 / args.rate;
  const topics = Array.from({ length: args.vehicles }, (_, i) => rawTopic(i));
  const options = { qos: 0 as const, properties: { contentType: contentType("protobuf", FRAME) } };
  const lateness = new LatenessHistogram();
  let sent = 0;
  let skipped = 0;
  const start = Math.ceil(Date.now() / 1000) * 1000 + 1000;
  const end = start + args.duration * 1000;
  const schedule = new PeriodicSchedule({ start, end, period, phases: topics.map((_, i) => phaseOffset(i, period)) });
  const measured = await withCpu(pid, () => new Promise<void>((resolve) => {
    const tick = (): void => {
      let now = Date.now();
      let budget = 5000;
      while (schedule.nextDue <= now && budget-- > 0) {
        const due = schedule.nextDue;
        const i = schedule.nextMember;
        schedule.advance();
        if (now - due >= period) {
          skipped += 1;
          continue;
        }
        clients[i % clients.length]!.publish(topics[i]!, payload, options);
        sent += 1;
        now = performance.timeOrigin + performance.now();
        lateness.record(now - due);
      }
      if (schedule.nextDue === Infinity) resolve();
      else setTimeout(tick, budget <= 0 ? 0 : Math.max(5, schedule.nextDue - Date.now()));
    };
    setTimeout(tick, start - Date.now());
  }));
  return { name: "publish/raw-mqttjs", connections: clients.length, sentPerSecond: sent / args.duration, lateness: lateness.stats(), skipped, cpu: measured.cpu, brokerCpu: measured.brokerCpu };
}

/** The raw clients publishing as fast as the event loop lets them, for a few seconds. */
async function rawMax(args: Args, clients: readonly MqttClient[], payload: Buffer, pid: number | undefined): Promise<CaseResult> {
  const options = { qos: 0 as const, properties: { contentType: contentType("protobuf", FRAME) } };
  const topics = Array.from({ length: args.vehicles }, (_, i) => rawTopic(i));
  let sent = 0;
  let k = 0;
  const seconds = 5;
  const measured = await withCpu(pid, () => new Promise<void>((resolve) => {
    const until = performance.now() + seconds * 1000;
    const burst = (): void => {
      for (let j = 0; j < 1000; j++, k++) clients[k % clients.length]!.publish(topics[k % topics.length]!, payload, options);
      sent += 1000;
      if (performance.now() < until) setImmediate(burst);
      else resolve();
    };
    burst();
  }));
  return { name: "publish/raw-mqttjs-max", connections: clients.length, sentPerSecond: sent / measured.seconds, lateness: undefined, skipped: 0, cpu: measured.cpu, brokerCpu: measured.brokerCpu };
}

async function fleet(args: Args, scenario: FleetScenario, pid: number | undefined): Promise<CaseResult> {
  let lastLine = 0;
  const measured = await withCpu(pid, () =>
    runFleet({
      scenario: (start) => scenario.at(start),
      broker: args.broker,
      rate: args.rate,
      duration: args.duration * 1000,
      connections: args.connections,
      connectRate: args.connectRate,
      clientIdPrefix: `bench-fleet-${process.pid}-`,
      topicTemplate: "bench/{role}/{id}/{dir}/{type}",
      onProgress: (p) => {
        if (p.phase !== "running" || p.elapsedMs - lastLine >= 10_000) {
          lastLine = p.elapsedMs;
          log(`  fleet: ${formatProgress(p)}`);
        }
      },
    }),
  );
  const s = measured.result;
  return { name: "publish/fleet", connections: s.connections.sessions, sentPerSecond: s.sentPerSecond, lateness: s.lateness, skipped: s.messages.skipped + s.messages.dropped.offline + s.messages.dropped.backpressure, cpu: measured.cpu, brokerCpu: measured.brokerCpu };
}

/** The built-in scenario, or a copy of it without BSM path histories. */
function scenarioFile(pathHistory: boolean): string {
  const file = builtInScenarioPath("yizhuang-arterial");
  if (pathHistory) return file;
  const copy = path.join(mkdtempSync(path.join(os.tmpdir(), "v2x-bench-")), "yizhuang-arterial-no-path-history.yaml");
  writeFileSync(copy, readFileSync(file, "utf8").replace(/pathHistory: true/g, "pathHistory: false"));
  return copy;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const sessions = args.connections.kind === "per-vehicle" ? args.vehicles : args.connections.connections;
  const problem = connectionLimitProblem(sessions);
  if (problem !== undefined) throw new Error(problem);
  const pid = mosquittoPid(args.broker);
  const load = os.loadavg();
  if (pid !== undefined) log(`broker: Mosquitto, pid ${pid}`);
  console.log(
    `fleet benchmark: ${args.vehicles} vehicles at ${args.rate} Hz for ${args.duration} s, ${args.connections.kind === "per-vehicle" ? "one connection per vehicle" : `${args.connections.connections} shared connections`}, ` +
      `BSM path history ${args.pathHistory ? "as in the scenario" : "off"}, broker ${args.broker}`,
  );

  const scenario = fleetScenario(scenarioFile(args.pathHistory), { vehicles: args.vehicles });
  const payload = Buffer.alloc(meanBsmSize(scenario, Date.now()), 0x5a);
  console.log(`mean BSM payload of the fleet: ${payload.length} bytes`);

  log(`raw mqtt.js: connecting ${sessions} clients`);
  const clients = await connectRaw(args, sessions);
  const raw = await rawPaced(args, clients, payload, pid);
  const max = await rawMax(args, clients, payload, pid);
  await Promise.all(clients.map((c) => c.endAsync().catch(() => undefined)));
  await sleep(2000);

  log(`fleet: ${args.vehicles} vehicles`);
  const result = await fleet(args, scenario, pid);

  const rows = [raw, max, result];
  const ms = (v: number | null | undefined): string => (v === null || v === undefined ? "-" : v.toFixed(1));
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`${"case".padEnd(width)}  connections       msg/s  p50 ms  p99 ms   max ms    skipped  node cpu  broker cpu`);
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(width)}  ${String(r.connections).padStart(11)}  ${Math.round(r.sentPerSecond).toLocaleString("en-US").padStart(10)}  ${ms(r.lateness?.p50).padStart(6)}  ${ms(r.lateness?.p99).padStart(6)}  ${ms(r.lateness?.max).padStart(7)}  ${String(r.skipped).padStart(9)}  ${r.cpu.toFixed(2).padStart(8)}  ${r.brokerCpu === undefined ? "-".padStart(10) : r.brokerCpu.toFixed(2).padStart(10)}`,
    );
  }
  const target = args.vehicles * args.rate;
  console.log(`fleet / raw mqtt.js (paced): ${(result.sentPerSecond / raw.sentPerSecond).toFixed(2)} (target >= 0.8); fleet / raw flat out: ${(result.sentPerSecond / max.sentPerSecond).toFixed(2)}`);
  console.log(`fleet p99 lateness ${ms(result.lateness?.p99)} ms (target < 100 ms); fleet ${Math.round(result.sentPerSecond).toLocaleString("en-US")} of ${target.toLocaleString("en-US")} msg/s demanded (BSMs) plus T-Box and RSU traffic`);
  const m = machineInfo();
  console.log(`machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.platform}, Node ${m.node}, ulimit -n ${m.openFilesLimit ?? "?"}, load average before ${load.map((l) => l.toFixed(2)).join(" ")}, after ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
}

await main();
