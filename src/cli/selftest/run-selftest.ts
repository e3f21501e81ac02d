import { randomBytes } from "node:crypto";
import { HarnessError } from "../../conformance/harness-error.ts";
import { checkPixit } from "../../conformance/pixit.ts";
import { loadRequirements, type RequirementCatalogue } from "../../conformance/requirements.ts";
import { TOOL, runSuite } from "../../conformance/run-suite.ts";
import { ROLE_DEFINITIONS } from "../../conformance/roles/index.ts";
import { SUT_ROLES, type MutantResult, type RunReport, type SelftestReport, type SutRole, type TestResult } from "../../conformance/verdict.ts";
import { listFaults, type FaultDefinition } from "../../devices/index.ts";
import { loadRegistry, type Registry } from "../../schema/index.ts";
import { startLinkProxy } from "../../transport/link-proxy.ts";
import type { SelftestDevice, SelftestProfile, SelftestSetup } from "./profile.ts";
import { SELFTEST_PROFILES } from "./profiles/index.ts";

export interface SelftestOptions {
  /** Broker URL the harness and the devices use. */
  readonly broker: string;
  readonly protocolVersion: 4 | 5;
  /** Run the GB/T 32960 roles (tbox, platform) over TCP instead of the bus. Default: false. */
  readonly tcp?: boolean;
  /** Roles to test. Default: every role with a suite. */
  readonly roles?: readonly SutRole[];
  /** Only the correct reference devices, no faults (the main job). Default: false. */
  readonly referencesOnly?: boolean;
  /** Only these faults (with each role's reference). Default: every fault of the roles. */
  readonly faults?: readonly string[];
  /** Suite runs at once. Default: 6. */
  readonly concurrency?: number;
  readonly registry?: Registry;
  readonly catalogue?: RequirementCatalogue;
  /** Called as each suite run ends: the run, and the fault it ran against ("" for the reference). */
  readonly onRun?: (role: SutRole, fault: string, run: RunReport) => void;
  readonly onResult?: (role: SutRole, fault: string, result: TestResult) => void;
}

interface Job {
  readonly profile: SelftestProfile;
  readonly fault: FaultDefinition | undefined;
}

/**
 * Runs one role's suite against its reference device, with `faults` switched on, through a link
 * proxy in front of the broker, or over TCP in front of the harness's listener (known only once
 * the suite run listens).
 */
export async function runAgainstReference(profile: SelftestProfile, faults: readonly string[], options: SelftestOptions & { readonly registry: Registry; readonly catalogue: RequirementCatalogue }): Promise<RunReport> {
  const url = new URL(options.broker);
  const broker = { host: url.hostname, port: Number(url.port || 1883) };
  const tcp = options.tcp === true;
  let harnessTcp: { host: string; port: number } | undefined;
  const proxy = profile.role === "vss" ? undefined : await startLinkProxy({ upstream: () => harnessTcp ?? broker });
  const setup: SelftestSetup = {
    broker: options.broker,
    deviceBroker: proxy === undefined || tcp ? options.broker : `mqtt://127.0.0.1:${proxy.port}`,
    topicTemplate: `v2x/selftest/${randomBytes(4).toString("hex")}/{role}/{id}/{dir}/{type}`,
    protocolVersion: options.protocolVersion,
    registry: options.registry,
    ...(tcp && proxy !== undefined ? { tcp: { proxy: { host: proxy.host, port: proxy.port } } } : {}),
  };
  const sutId = profile.sutId();
  let device: SelftestDevice | undefined;
  try {
    if (profile.startsBeforeHarness) device = await profile.start(setup, sutId, faults);
    const pixit = checkPixit(profile.role, profile.pixit(setup, sutId, device), `selftest PIXIT of ${profile.role}`);
    return await runSuite({
      pixit,
      pics: profile.pics(setup),
      registry: options.registry,
      catalogue: options.catalogue,
      ...(proxy === undefined ? {} : { linkProxy: proxy }),
      beforeTests: async (harness) => {
        harnessTcp = harness.tcp === undefined ? undefined : { host: "127.0.0.1", port: harness.tcp.port };
        device ??= await profile.start(setup, sutId, faults);
      },
      onResult: (result) => options.onResult?.(profile.role, faults.join(","), result),
    });
  } finally {
    await device?.stop().catch(() => undefined);
    await proxy?.close();
  }
}

/** The tests of `run` that failed and cite `requirement`. */
function killersOf(run: RunReport, requirement: string): string[] {
  return run.results.filter((r) => r.verdict === "fail" && r.requirements.some((q) => q.id === requirement && q.verdict === "fail")).map((r) => r.id);
}

/**
 * Runs every selected role's suite against its correct reference device (everything must pass)
 * and against each of its named faults (each must be failed by a test citing the requirement the
 * fault breaks). Suite runs go concurrently, each on topics of its own.
 */
export async function runSelftest(options: SelftestOptions): Promise<SelftestReport> {
  const startedAt = Date.now();
  const registry = options.registry ?? loadRegistry();
  const catalogue = options.catalogue ?? loadRequirements();
  const roles = options.roles ?? (Object.keys(SELFTEST_PROFILES) as SutRole[]).filter((role) => options.tcp !== true || ROLE_DEFINITIONS[role].tcp !== undefined);
  const notOverTcp = options.tcp === true ? roles.filter((role) => ROLE_DEFINITIONS[role].tcp === undefined) : [];
  if (notOverTcp.length > 0) throw new HarnessError("ConfigError", `the ${notOverTcp.join(", ")} suite${notOverTcp.length === 1 ? " does" : "s do"} not run over GB/T 32960 TCP; only ${SUT_ROLES.filter((r) => ROLE_DEFINITIONS[r].tcp !== undefined).join(" and ")} do`);
  const unknown = (options.faults ?? []).filter((name) => !roles.some((role) => listFaults(role).some((f) => f.name === name)));
  if (unknown.length > 0) throw new HarnessError("ConfigError", `no fault named ${unknown.join(", ")} in the roles ${roles.join(", ")}; v2x serve --list-faults lists them`);
  const jobs: Job[] = roles.flatMap((role) => {
    const profile = SELFTEST_PROFILES[role];
    if (profile === undefined) throw new HarnessError("ConfigError", `no conformance suite for the role ${role} yet`);
    const faults = options.referencesOnly === true ? [] : listFaults(role).filter((f) => options.faults === undefined || options.faults.includes(f.name));
    return [{ profile, fault: undefined }, ...faults.map((fault) => ({ profile, fault }))];
  });
  const references: RunReport[] = [];
  const mutants: MutantResult[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const { profile, fault } = jobs[next++]!;
      const run = await runAgainstReference(profile, fault === undefined ? [] : [fault.name], { ...options, registry, catalogue });
      options.onRun?.(profile.role, fault?.name ?? "", run);
      if (fault === undefined) references.push(run);
      else {
        const killedBy = killersOf(run, fault.breaks);
        mutants.push({ role: fault.role, fault: fault.name, breaks: fault.breaks, summary: fault.summary, killed: killedBy.length > 0, killedBy, run });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 6, jobs.length) }, worker));
  const order = (role: SutRole): number => roles.indexOf(role);
  references.sort((a, b) => order(a.role) - order(b.role));
  mutants.sort((a, b) => order(a.role) - order(b.role) || a.fault.localeCompare(b.fault));
  return {
    reportVersion: 1,
    tool: TOOL,
    startedAt: new Date(startedAt).toISOString(),
    durationMs: Date.now() - startedAt,
    references,
    mutants,
    mutationScore: mutants.length === 0 ? 1 : mutants.filter((m) => m.killed).length / mutants.length,
  };
}
