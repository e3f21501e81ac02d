/**
 * How many concurrent T-Box sessions over GB/T 32960 TCP one process sustains at a 1 s report period
 * against the reference platform's TCP listener.
 *
 * The platform runs in a child process (`v2x serve platform --tcp 0`), so the two do not share an
 * event loop; this process holds every T-Box session. Each step opens N connections, logs every
 * T-Box in (waiting for each login answer), then sends a realtime report per T-Box per second, the
 * T-Boxes spread evenly over the second, for --duration seconds. A step is sustained when the send
 * lateness p99 stays at most 1 s, no connection is lost, no error answer comes back, and the
 * platform's query interface counts every report sent. Steps: 500, 1000, 2000, 5000, 10000, …
 * until one is not sustained (or the open-files limit stops the ramp).
 * Prints per step: sessions, reports/s, lateness p50/p99/max, errors, reports missing at the
 * platform, CPU of this process and of the platform (of one core); then the machine.
 * Usage: tsx bench/tcp-tbox.ts [--duration S] [--max N]
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { once } from "node:events";
import { loginFrame, realtimeFrame } from "../src/devices/tbox/frames.ts";
import type { Frame } from "../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { decodeJson, loadRegistry } from "../src/schema/index.ts";
import { beijingTime } from "../src/sim/index.ts";
import { LatenessHistogram, machineInfo, openFilesLimit, phaseOffset } from "../src/sim/fleet/index.ts";
import { Gbt32960TcpClient } from "../src/transport/tcp/index.ts";

const PERIOD_MS = 1000;
const STEPS = [500, 1000, 2000, 5000, 10_000, 15_000, 20_000, 50_000];
/** Descriptors each process needs beside the connections. */
const SPARE_DESCRIPTORS = 64;

interface Args {
  readonly duration: number;
  readonly max: number;
}

function parseArgs(argv: readonly string[]): Args {
  const value = (name: string, fallback: number): number => {
    const index = argv.indexOf(name);
    const n = index < 0 ? fallback : Number(argv[index + 1]);
    if (!(n > 0)) throw new Error(`${name} takes a positive number`);
    return n;
  };
  return { duration: value("--duration", 20), max: value("--max", Infinity) };
}

interface Platform {
  readonly child: ChildProcess;
  readonly tcpPort: number;
  readonly queryUrl: string;
}

/** Starts `v2x serve platform --tcp 0` and reads where it listens from what it prints. */
async function startPlatform(): Promise<Platform> {
  const child = spawn(process.execPath, ["src/cli/bin.js", "serve", "platform", "--tcp", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  let text = "";
  child.stdout?.setEncoding("utf8");
  const started = new Promise<Platform>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the platform exited with code ${code}:\n${text}`)));
    child.stdout?.on("data", (chunk: string) => {
      // Only the lines saying where it listens matter; later log lines are read and dropped.
      if (text.includes("stop with Ctrl-C")) return;
      text += chunk;
      const tcp = /over TCP on [^:]+:(\d+)/.exec(text);
      const query = /GET (http:\/\/\S+)\/vehicles /.exec(text);
      if (tcp?.[1] !== undefined && query?.[1] !== undefined) resolve({ child, tcpPort: Number(tcp[1]), queryUrl: query[1] });
    });
  });
  return started;
}

/** CPU seconds the process has used (utime + stime from /proc), or NaN off Linux. */
function cpuSecondsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

interface StepResult {
  readonly sessions: number;
  readonly reportsPerSecond: number;
  readonly lateness: ReturnType<LatenessHistogram["stats"]>;
  readonly errors: number;
  readonly missing: number;
  readonly benchCpu: number;
  readonly platformCpu: number;
  readonly problems: readonly string[];
}

const registry = loadRegistry();
const EXAMPLE = decodeJson<Frame>(registry, "v2xh.gbt32960.v1.Frame", readFileSync("proto/examples/gbt32960/realtime-2016.json", "utf8"));

async function runStep(platform: Platform, sessions: number, step: number, durationS: number): Promise<StepResult> {
  const data = EXAMPLE.realtime2016;
  if (data === undefined) throw new Error("the example is not a 2016 realtime report");
  const vins = Array.from({ length: sessions }, (_, i) => `LBENCH${String(step).padStart(2, "0")}${String(i).padStart(9, "0")}`);
  const clients: Gbt32960TcpClient[] = [];
  let errors = 0;
  let answered = 0;
  const problems: string[] = [];
  const problem = (line: string): void => void (problems.length < 5 && problems.push(line));

  for (let i = 0; i < sessions; i += 200) {
    const batch = vins.slice(i, i + 200).map(async (vin) => {
      const client = new Gbt32960TcpClient({ host: "127.0.0.1", port: platform.tcpPort, reconnect: { initialDelayMs: 0 } });
      clients.push(client);
      let loggedIn = false;
      client.on("observation", (o) => {
        const frame = o.decoded.ok ? (o.decoded.message as unknown as Frame) : undefined;
        if (!loggedIn && frame?.responseFlag === 1) {
          loggedIn = true;
          answered++;
          return;
        }
        errors++;
        problem(`${vin}: ${o.decoded.ok ? `answer command 0x${frame?.command.toString(16)} flag 0x${frame?.responseFlag.toString(16)}` : o.decoded.error}`);
      });
      client.on("offline", (cause) => {
        errors++;
        problem(`${vin}: ${cause.message}`);
      });
      await client.connect();
      client.send(loginFrame({ vin, iccid: "89860000000000000001", ressCodes: [] }, beijingTime(Date.now()), 1));
    });
    await Promise.all(batch);
  }
  const loginDeadline = Date.now() + 30_000;
  while (answered + errors < sessions && Date.now() < loginDeadline) await sleep(50);
  if (answered < sessions) problem(`${sessions - answered} logins unanswered`);

  const histogram = new LatenessHistogram();
  const phases = vins.map((_, i) => phaseOffset(i, PERIOD_MS));
  const order = vins.map((_, i) => i).sort((a, b) => (phases[a] ?? 0) - (phases[b] ?? 0));
  const start = Math.ceil(Date.now() / PERIOD_MS) * PERIOD_MS + PERIOD_MS;
  const end = start + durationS * 1000;
  let sent = 0;
  let cursor = 0;
  let round = 0;
  const cpuBefore = { bench: process.cpuUsage(), platform: cpuSecondsOf(platform.child.pid), at: performance.now() };
  // One timer for every session: the sessions are sent in phase order, each at start + round·period + phase.
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const now = Date.now();
      for (;;) {
        const index = order[cursor] as number;
        const due = start + round * PERIOD_MS + (phases[index] ?? 0);
        if (due > now) break;
        if (due >= end) return resolve();
        try {
          (clients[index] as Gbt32960TcpClient).send(realtimeFrame(vins[index] as string, { ...data, time: beijingTime(due) }));
          sent++;
        } catch (error) {
          errors++;
          problem(`${vins[index]}: ${(error as Error).message}`);
        }
        histogram.record(Date.now() - due);
        if (++cursor === order.length) {
          cursor = 0;
          round++;
        }
      }
      setTimeout(tick, 2);
    };
    setTimeout(tick, Math.max(0, start - Date.now()));
  });
  const elapsed = (performance.now() - cpuBefore.at) / 1000;
  const benchCpu = process.cpuUsage(cpuBefore.bench);
  const platformCpu = cpuSecondsOf(platform.child.pid) - cpuBefore.platform;

  // The platform keeps what it accepts; give it a moment to catch up, then count this step's reports.
  let kept = 0;
  for (let tries = 0; tries < 20; tries++) {
    const summary = (await (await fetch(`${platform.queryUrl}/vehicles`)).json()) as { vehicles: { vin: string; reports: number }[] };
    kept = summary.vehicles.filter((v) => v.vin.startsWith(`LBENCH${String(step).padStart(2, "0")}`)).reduce((sum, v) => sum + v.reports, 0);
    if (kept >= sent) break;
    await sleep(250);
  }
  for (const client of clients) client.close();
  await sleep(500);
  return {
    sessions,
    reportsPerSecond: sent / durationS,
    lateness: histogram.stats(),
    errors,
    missing: sent - kept,
    benchCpu: (benchCpu.user + benchCpu.system) / 1e6 / elapsed,
    platformCpu: platformCpu / elapsed,
    problems,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function ms(value: number | null): string {
  return value === null ? "-" : `${value.toFixed(1)} ms`;
}

const args = parseArgs(process.argv.slice(2));
const platform = await startPlatform();
console.log(`reference platform (child process ${platform.child.pid}) on tcp port ${platform.tcpPort}; ${args.duration} s per step, one report per T-Box per ${PERIOD_MS} ms`);
console.log("sessions  reports/s  lateness p50 / p99 / max          errors  missing  cpu bench  cpu platform");
let sustained = 0;
const openFiles = openFilesLimit() ?? Infinity;
try {
  for (const [step, sessions] of STEPS.entries()) {
    if (sessions > args.max) break;
    if (sessions + SPARE_DESCRIPTORS > openFiles) {
      console.log(`stopping before ${sessions}: each side needs a descriptor per session, and ulimit -n is ${openFiles}; raise it to go on`);
      break;
    }
    const r = await runStep(platform, sessions, step, args.duration);
    const { p50, p99, max } = r.lateness;
    console.log(
      `${String(r.sessions).padStart(8)}  ${r.reportsPerSecond.toFixed(0).padStart(9)}  ${`${ms(p50)} / ${ms(p99)} / ${ms(max)}`.padEnd(32)}  ${String(r.errors).padStart(6)}  ${String(r.missing).padStart(7)}  ${`${(r.benchCpu * 100).toFixed(0)} %`.padStart(9)}  ${`${(r.platformCpu * 100).toFixed(0)} %`.padStart(12)}`,
    );
    for (const line of r.problems) console.log(`    ${line}`);
    if ((p99 ?? 0) > PERIOD_MS || r.errors > 0 || r.missing > 0) break;
    sustained = sessions;
  }
} finally {
  platform.child.kill("SIGTERM");
  await once(platform.child, "exit");
}
console.log(`sustained: ${sustained} concurrent T-Box TCP sessions at a ${PERIOD_MS / 1000} s period`);
const m = machineInfo();
console.log(`machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.platform}, Node ${m.node}, ulimit -n ${m.openFilesLimit ?? "unknown"}`);
