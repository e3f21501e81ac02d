import path from "node:path";
import { Option, type Command } from "commander";
import { isHarnessError } from "../../conformance/harness-error.ts";
import { isSutRole, runPassed, selftestPassed, SUT_ROLES, type RunReport, type SelftestReport, type SutRole } from "../../conformance/verdict.ts";
import { positiveInteger } from "../option-parsers.ts";
import { CliError, EXIT } from "../cli-error.ts";

export interface RunCommandOptions {
  readonly role: SutRole;
  readonly pixit: string;
  readonly pics?: string;
  readonly report: string;
  readonly only?: readonly string[];
  readonly color: boolean;
  readonly progress: boolean;
  readonly print?: (line: string) => void;
}

/** The exit code of a finished run: 1 when a test failed, 2 when the harness itself failed a test, else 0. */
export function runExitCode(summary: RunReport["summary"]): number {
  if (summary.fail > 0) return EXIT.failed;
  return runPassed(summary) ? EXIT.ok : EXIT.usage;
}

/** `v2x run`: one role's suite against the SUT the PIXIT names; writes the reports and returns the exit code. */
export async function runCommand(options: RunCommandOptions): Promise<{ report: RunReport; exitCode: number }> {
  const print = options.print ?? console.log;
  const { loadPixit } = await import("../../conformance/pixit.ts");
  const { loadPics } = await import("../../conformance/pics.ts");
  const { runSuite } = await import("../../conformance/run-suite.ts");
  const { formatProgress, formatSummary, writeRunReports } = await import("../../report/index.ts");
  try {
    const pixit = loadPixit(options.role, options.pixit);
    const pics = options.pics === undefined ? undefined : loadPics(options.role, options.pics);
    if (pixit.link.control === "proxy") print(`link proxy on ${pixit.link.listen}: the SUT must connect there, not to ${pixit.bus?.url ?? "the broker"}`);
    const report = await runSuite({
      pixit,
      ...(pics === undefined ? {} : { pics }),
      ...(options.only === undefined ? {} : { only: options.only }),
      onResult: (result) => options.progress && print(formatProgress(result, options.color)),
    });
    for (const line of formatSummary(report, options.color)) print(line);
    const paths = await writeRunReports(options.report, [report]);
    print(`reports: ${paths.html} (also ${path.basename(paths.json)}, ${path.basename(paths.junit)})`);
    return { report, exitCode: runExitCode(report.summary) };
  } catch (error) {
    if (isHarnessError(error)) throw new CliError(error.message);
    throw error;
  }
}

export interface SelftestCommandOptions {
  readonly roles?: readonly SutRole[];
  /** Default: an embedded broker on a free port, for zero setup. */
  readonly broker?: string;
  /** The tbox and platform suites over GB/T 32960 TCP instead of the bus. */
  readonly tcp: boolean;
  readonly referencesOnly: boolean;
  readonly faults?: readonly string[];
  readonly report: string;
  readonly concurrency: number;
  readonly color: boolean;
  readonly progress: boolean;
  readonly print?: (line: string) => void;
}

/** `v2x selftest`: every suite against its reference device and each named fault; returns the report and exit code. */
export async function selftestCommand(options: SelftestCommandOptions): Promise<{ report: SelftestReport; exitCode: number; html: string }> {
  const print = options.print ?? console.log;
  const { runSelftest } = await import("../selftest/run-selftest.ts");
  const { formatSelftest, writeRunReports } = await import("../../report/index.ts");
  let broker = options.broker;
  let protocolVersion: 4 | 5 = 5;
  let close = (): Promise<void> => Promise.resolve();
  if (broker === undefined) {
    const { startEmbeddedBroker } = await import("../../transport/broker/index.ts");
    const embedded = await startEmbeddedBroker({ host: "127.0.0.1", port: 0 });
    broker = embedded.url;
    protocolVersion = 4;
    close = () => embedded.close();
    print(`embedded broker on ${broker} (MQTT 3.1.1); pass --broker to use another`);
  }
  try {
    const report = await runSelftest({
      broker,
      protocolVersion,
      tcp: options.tcp,
      referencesOnly: options.referencesOnly,
      ...(options.faults === undefined ? {} : { faults: options.faults }),
      concurrency: options.concurrency,
      ...(options.roles === undefined ? {} : { roles: options.roles }),
      onRun: (role, fault, run) => {
        if (!options.progress) return;
        const { pass, fail, inconc, skip, error } = run.summary;
        print(`  ${role.padEnd(8)} ${(fault === "" ? "reference" : `fault ${fault}`).padEnd(36)} pass ${pass}  fail ${fail}  inconc ${inconc}  skip ${skip}  error ${error}  (${(run.durationMs / 1000).toFixed(1)} s)`);
      },
    });
    for (const line of formatSelftest(report, options.color)) print(line);
    const paths = await writeRunReports(options.report, report);
    print(`HTML report: ${paths.html}`);
    return { report, exitCode: selftestPassed(report) ? EXIT.ok : EXIT.failed, html: paths.html };
  } catch (error) {
    if (isHarnessError(error)) throw new CliError(error.message);
    throw error;
  } finally {
    await close();
  }
}

function role(value: string): SutRole {
  if (!isSutRole(value)) throw new CliError(`unknown role "${value}"; the roles are ${SUT_ROLES.join(", ")}`);
  return value;
}

const collect = (value: string, previous: readonly string[] = []): string[] => [...previous, value];

/** Adds `v2x run` and `v2x selftest`. */
export function registerConformanceCommands(program: Command): void {
  const tty = process.stdout.isTTY;
  program
    .command("run")
    .description("run a role's conformance suite against a system under test and write JUnit, JSON and HTML reports")
    .addOption(new Option("--role <role>", "the role of the system under test").choices([...SUT_ROLES]).makeOptionMandatory())
    .requiredOption("--pixit <file>", "lab parameters (YAML or JSON): where the SUT is, its ids, windows and tolerances")
    .option("--pics <file>", "what the SUT claims to support (YAML or JSON); default: every item at its default")
    .option("--report <dir>", "directory for report.json, junit.xml and report.html", "reports")
    .option("--only <id>", "run only this test purpose (repeatable)", collect)
    .addHelpText("after", "\nExit: 0 nothing failed, 1 a test failed, 2 usage error or a harness error.\nExample:\n  v2x run --role obu --pixit conformance/pixit/obu.example.yaml --pics conformance/pics/obu.example.yaml --report reports/obu")
    .action(async (opts: { role: string; pixit: string; pics?: string; report: string; only?: string[] }) => {
      const { exitCode } = await runCommand({
        role: role(opts.role),
        pixit: opts.pixit,
        ...(opts.pics === undefined ? {} : { pics: opts.pics }),
        report: opts.report,
        ...(opts.only === undefined ? {} : { only: opts.only }),
        color: tty,
        progress: true,
      });
      process.exitCode = exitCode;
    });
  program
    .command("selftest")
    .description("run every suite against its reference device (all must pass) and against each named fault (each must be caught)")
    .option("--role <role>", "only this role (repeatable)", collect)
    .option("--broker <url>", "broker to use (default: an embedded broker, MQTT 3.1.1)")
    .option("--tcp", "run the tbox and platform suites over GB/T 32960 TCP instead of the bus (the default roles become those two; the upper tester stays on the broker)", false)
    .option("--references-only", "run the suites against the correct reference devices only, no faults", false)
    .option("--fault <name>", "only this fault, besides the reference (repeatable); v2x serve --list-faults lists them", collect)
    .option("--report <dir>", "directory for report.json, junit.xml and report.html", "reports")
    .option("--concurrency <n>", "suite runs at once", positiveInteger, 6)
    .addHelpText("after", "\nExit: 0 every reference passed and every fault was caught, 1 otherwise, 2 usage error.\nExamples:\n  v2x selftest --role tbox --broker mqtt://127.0.0.1:1883\n  v2x selftest --role obu --fault bsm-rate-5hz\n  v2x selftest --tcp --references-only")
    .action(async (opts: { role?: string[]; broker?: string; tcp: boolean; referencesOnly: boolean; fault?: string[]; report: string; concurrency: number }) => {
      const { exitCode } = await selftestCommand({
        ...(opts.role === undefined ? {} : { roles: opts.role.map(role) }),
        ...(opts.broker === undefined ? {} : { broker: opts.broker }),
        tcp: opts.tcp,
        referencesOnly: opts.referencesOnly,
        ...(opts.fault === undefined ? {} : { faults: opts.fault }),
        report: opts.report,
        concurrency: opts.concurrency,
        color: tty,
        progress: true,
      });
      process.exitCode = exitCode;
    });
}
