/**
 * How many concurrent T-Box sessions over GB/T 32960 TCP one process sustains at a 1 s report period
 * against the reference platform's TCP listener.
 *
 * The platform runs in a child process (`v2x serve platform --tcp 0`), so the two do not share an
 * event loop; this process holds every T-Box session, through runTboxTcpLoad (what `v2x load
 * gbt32960` runs). Each step opens N connections, logs every T-Box in (waiting for each login
 * answer), then sends a realtime report per T-Box per second, the T-Boxes spread evenly over the
 * second, for --duration seconds. A step is sustained when the send lateness p99 stays at most 1 s,
 * every login is accepted, no connection is lost, no error answer comes back, no report is skipped
 * or left unsent, and the platform's query interface counts every report sent. Steps: 500, 1000,
 * 2000, 5000, 10000, … until one is not sustained (or the open-files limit stops the ramp).
 * Prints per step: sessions, reports/s, lateness p50/p99/max, errors, reports missing at the
 * platform, CPU of this process and of the platform (of one core, while the T-Boxes report); then
 * the machine.
 * Usage: tsx bench/tcp-tbox.ts [--duration S] [--max N]
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { once } from "node:events";
import { machineInfo, type LatenessStats } from "../src/sim/fleet/index.ts";
import { vehicleVin } from "../src/sim/scenario/vin.ts";
import { loadShortfalls, runTboxTcpLoad, TcpLoadError, type TcpLoadSummary } from "../src/sim/tcp-load/index.ts";

const PERIOD_MS = 1000;
const STEPS = [500, 1000, 2000, 5000, 10_000, 15_000, 20_000, 50_000];
/** Fast enough that ramping up 10,000 sessions takes 2 s, as the reference platform keeps up. */
const CONNECT_RATE = 5000;

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
  readonly lateness: Pick<LatenessStats, "p50" | "p99" | "max">;
  readonly errors: number;
  readonly missing: number;
  readonly benchCpu: number;
  readonly platformCpu: number;
  readonly problems: readonly string[];
}

interface CpuMark {
  readonly at: number;
  readonly bench: NodeJS.CpuUsage;
  readonly platform: number;
}

async function runStep(platform: Platform, sessions: number, step: number, durationS: number): Promise<StepResult> {
  const vins = Array.from({ length: sessions }, (_, n) => vehicleVin(`bench-step-${step}`, n));
  // CPU is measured between the first and the last progress report while the T-Boxes report, so connecting and closing are left out.
  let first: CpuMark | undefined;
  let last: CpuMark | undefined;
  const summary = await runTboxTcpLoad({
    host: "127.0.0.1",
    port: platform.tcpPort,
    tboxes: sessions,
    periodMs: PERIOD_MS,
    durationMs: durationS * 1000,
    vin: (n) => vins[n]!,
    connectRate: CONNECT_RATE,
    loginTimeoutMs: 30_000,
    onProgress: (p) => {
      if (p.phase !== "running") return;
      last = { at: performance.now(), bench: process.cpuUsage(), platform: cpuSecondsOf(platform.child.pid) };
      first ??= last;
    },
  });
  const cpu = cpuShares(first, last);

  // The platform keeps what it accepts; give it a moment to catch up, then count this step's reports.
  const ours = new Set(vins);
  let kept = 0;
  for (let tries = 0; tries < 20; tries++) {
    const listing = (await (await fetch(`${platform.queryUrl}/vehicles`)).json()) as { vehicles: { vin: string; reports: number }[] };
    kept = listing.vehicles.filter((v) => ours.has(v.vin)).reduce((sum, v) => sum + v.reports, 0);
    if (kept >= summary.reportsSent) break;
    await sleep(250);
  }
  return {
    sessions,
    reportsPerSecond: summary.reportsSent / durationS,
    lateness: summary.lateness,
    errors: errorsOf(summary),
    missing: summary.reportsSent - kept,
    benchCpu: cpu.bench,
    platformCpu: cpu.platform,
    problems: [...loadShortfalls(summary), ...(summary.reportsSkipped > 0 ? [`${summary.reportsSkipped} reports skipped, a whole period late`] : []), ...summary.problems],
  };
}

/** The CPU of this process and of the platform between two marks, each as a share of one core; NaN without two marks. */
function cpuShares(first: CpuMark | undefined, last: CpuMark | undefined): { bench: number; platform: number } {
  if (first === undefined || last === undefined || last.at <= first.at) return { bench: NaN, platform: NaN };
  const elapsed = (last.at - first.at) / 1000;
  const bench = (last.bench.user - first.bench.user + last.bench.system - first.bench.system) / 1e6;
  return { bench: bench / elapsed, platform: (last.platform - first.platform) / elapsed };
}

/** Everything that keeps a step from being sustained besides lateness and missing reports. */
function errorsOf(s: TcpLoadSummary): number {
  return s.connectFailures + s.loginsRefused + s.loginsUnanswered + s.errorAnswers + s.unexpectedFrames + s.unreadableFrames + s.connectionsLost + s.reportsOffline + s.reportsBackpressure + s.reportsSkipped;
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
try {
  for (const [step, sessions] of STEPS.entries()) {
    if (sessions > args.max) break;
    let r: StepResult;
    try {
      r = await runStep(platform, sessions, step, args.duration);
    } catch (error) {
      if (!(error instanceof TcpLoadError && error.code === "os-limit")) throw error;
      console.log(`stopping before ${sessions}: ${error.message}`);
      break;
    }
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
