import { loadRegistry, type Registry } from "../schema/index.ts";
import { startLinkProxy, type LinkProxy } from "../transport/link-proxy.ts";
import { BusSession } from "./bus-driver.ts";
import { openCarrier } from "./carriers/open-carrier.ts";
import { HarnessError } from "./harness-error.ts";
import { NO_LINK_CONTROL, proxyLinkControl, upperTesterLinkControl, type LinkControl } from "./link-control.ts";
import { loadSuite } from "./load-suite.ts";
import { defaultPics, type Pics } from "./pics.ts";
import { hostPort, redactPixit, type Pixit } from "./pixit.ts";
import { loadRequirements, type RequirementCatalogue } from "./requirements.ts";
import { ROLE_DEFINITIONS, type Peer, type RoleParams } from "./roles/index.ts";
import { runTest, type TestEnvironment } from "./run-test.ts";
import type { TestPurpose } from "./test-purpose.ts";
import { UpperTesterClient } from "./upper-tester-client.ts";
import { countVerdicts, type RequirementCoverage, type RunReport, type SutRole, type TestResult } from "./verdict.ts";
import { vissDriver } from "./viss-driver.ts";
import type { TcpAddress } from "../transport/tcp-address.ts";

/** Where the harness itself listens, once the suite run has started. */
export interface HarnessEndpoints {
  readonly tcp?: TcpAddress;
}

export const TOOL = { name: "v2x-harness", version: "0.1.0" } as const;

export interface SuiteRunOptions<R extends SutRole> {
  readonly pixit: Pixit<R>;
  /** Default: every item at its default. */
  readonly pics?: Pics;
  /** Run only these test purpose ids. Default: all. */
  readonly only?: readonly string[];
  readonly registry?: Registry;
  readonly catalogue?: RequirementCatalogue;
  readonly suitesDir?: string;
  /**
   * A link proxy already in the SUT's path (selftest starts one before the device). Default: with
   * PIXIT link.control "proxy", the run starts one on link.listen.
   */
  readonly linkProxy?: LinkProxy;
  /**
   * Called once the harness is listening (and its peer answering), before the first test: where
   * selftest starts the device. `harness.tcp` is where the harness listens for a T-Box over TCP.
   */
  readonly beforeTests?: (harness: HarnessEndpoints) => Promise<void>;
  /** Called as each test finishes. */
  readonly onResult?: (result: TestResult) => void;
}

/** Runs the suite of `pixit.role` against the SUT and returns the run's report; rejects only with a HarnessError. */
export async function runSuite<R extends SutRole>(options: SuiteRunOptions<R>): Promise<RunReport> {
  const { pixit } = options;
  const role: R = pixit.role;
  const definition = ROLE_DEFINITIONS[role];
  const startedAt = Date.now();
  const catalogue = options.catalogue ?? loadRequirements();
  const suite = selectTests(await loadSuite(role, catalogue, options.suitesDir), options.only);
  const pics = { ...defaultPics(role), ...options.pics };
  const registry = options.registry ?? loadRegistry();
  const cleanups: (() => Promise<void>)[] = [];
  const results: TestResult[] = [];
  try {
    let bus: BusSession | undefined;
    let upperTester: UpperTesterClient | undefined;
    let link: LinkControl = NO_LINK_CONTROL;
    let harness: HarnessEndpoints = {};
    if (definition.transport === "bus") {
      const busPixit = pixit.bus;
      const session = await BusSession.open(registry, pixit.sut.id, (sink) => openCarrier(pixit, definition, registry, sink));
      bus = session;
      cleanups.push(() => session.close());
      if (session.listening !== undefined) harness = { tcp: session.listening };
      if (busPixit !== undefined && (pics.PICS_UPPER_TESTER === true || pixit.link.control === "upper-tester")) {
        const client = await UpperTesterClient.open(busPixit, pixit.sut.id, registry);
        upperTester = client;
        cleanups.push(() => client.close());
      }
      link = await linkControlOf(pixit, options.linkProxy, upperTester, harness, cleanups);
      if (definition.startPeer !== undefined) {
        const peer: Peer = await definition.startPeer(session.view(0, new AbortController().signal), pixit.params);
        cleanups.push(() => peer.stop());
      }
    }
    await options.beforeTests?.(harness);
    const env: TestEnvironment<R> = {
      role,
      sutId: pixit.sut.id,
      params: pixit.params,
      pics,
      catalogue,
      defaultTimeLimitMs: pixit.run.testTimeLimitMs,
      bus,
      link,
      upperTester,
      vissUrl: definition.transport === "viss" ? (pixit.params as RoleParams["vss"]).url : undefined,
      openViss: (url) => vissDriver(url, registry),
    };
    const record = (result: TestResult): void => {
      results.push(result);
      options.onResult?.(result);
    };
    await runConcurrently(suite.filter((tp) => tp.exclusive !== true), pixit.run.concurrency, async (tp) => record(await runTest(tp, env)));
    for (const tp of suite.filter((t) => t.exclusive === true)) record(await runTest(tp, env));
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
  const ordered = suite.flatMap((tp) => results.filter((r) => r.id === tp.id));
  return {
    reportVersion: 1,
    tool: TOOL,
    role,
    sut: pixit.sut.id,
    startedAt: new Date(startedAt).toISOString(),
    durationMs: Date.now() - startedAt,
    summary: countVerdicts(ordered),
    standards: [...definition.standards],
    results: ordered,
    coverage: coverageOf(role, catalogue, suite, ordered),
    pics,
    pixit: redactPixit(pixit),
  };
}

function selectTests<R extends SutRole>(suite: TestPurpose<R>[], only: readonly string[] | undefined): TestPurpose<R>[] {
  if (only === undefined || only.length === 0) return suite;
  const unknown = only.filter((id) => !suite.some((tp) => tp.id === id));
  if (unknown.length > 0) throw new HarnessError("ConfigError", `--only names ${unknown.join(", ")}, not in the suite; its tests are ${suite.map((tp) => tp.id).join(", ")}`);
  return suite.filter((tp) => only.includes(tp.id));
}

/** Where the SUT's link goes: the harness's TCP listener, or the broker. */
function upstreamOf(pixit: Pixit, harness: HarnessEndpoints): TcpAddress | undefined {
  if (harness.tcp !== undefined) return { host: harness.tcp.host === "0.0.0.0" ? "127.0.0.1" : harness.tcp.host, port: harness.tcp.port };
  if (pixit.tcp !== undefined || pixit.bus === undefined) return undefined;
  const url = new URL(pixit.bus.url);
  return { host: url.hostname, port: Number(url.port || 1883) };
}

async function linkControlOf(pixit: Pixit, given: LinkProxy | undefined, upperTester: UpperTesterClient | undefined, harness: HarnessEndpoints, cleanups: (() => Promise<void>)[]): Promise<LinkControl> {
  if (given !== undefined) return proxyLinkControl(given);
  if (pixit.link.control === "upper-tester" && upperTester !== undefined) return upperTesterLinkControl(upperTester);
  const upstream = upstreamOf(pixit, harness);
  if (pixit.link.control !== "proxy" || upstream === undefined) return NO_LINK_CONTROL;
  const { host, port } = hostPort(pixit.link.listen);
  try {
    const proxy = await startLinkProxy({ host, port, upstream });
    cleanups.push(() => proxy.close());
    return proxyLinkControl(proxy);
  } catch (cause) {
    throw new HarnessError("HarnessFault", `PIXIT link.listen ${pixit.link.listen}: ${(cause as Error).message}`, cause);
  }
}

async function runConcurrently<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const SEVERITY = ["pass", "not-executed", "inconc", "fail"] as const;

function coverageOf<R extends SutRole>(role: R, catalogue: RequirementCatalogue, suite: readonly TestPurpose<R>[], results: readonly TestResult[]): RequirementCoverage[] {
  return catalogue.ofRole(role).map((r) => {
    const verdicts = results.flatMap((t) => t.requirements.filter((q) => q.id === r.id).map((q) => q.verdict));
    const worst = verdicts.reduce<(typeof SEVERITY)[number] | undefined>((w, v) => (w === undefined || SEVERITY.indexOf(v) > SEVERITY.indexOf(w) ? v : w), undefined);
    return {
      id: r.id,
      standard: r.standard,
      version: r.version,
      clause: r.clause,
      level: r.level,
      statement: r.statement,
      testedBy: suite.filter((tp) => tp.requirements.includes(r.id)).map((tp) => tp.id),
      verdict: worst ?? "not-tested",
    };
  });
}
