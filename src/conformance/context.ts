import type { BusDriver } from "./bus-driver.ts";
import type { LinkControl } from "./link-control.ts";
import type { Pics } from "./pics.ts";
import type { RoleParams } from "./roles/index.ts";
import type { UtStimulus } from "./upper-tester-client.ts";
import type { UtResponse } from "../schema/gen/v2xh/harness/v1/index.ts";
import type { VissDriver } from "./viss-driver.ts";
import type { EvidenceItem, SutRole } from "./verdict.ts";

/** What every test body gets, whatever its role. */
export interface BaseContext<R extends SutRole> {
  readonly role: R;
  readonly sutId: string;
  readonly params: RoleParams[R];
  readonly pics: Pics;
  /** Aborts when the test's time is up; every wait of the drivers ends with it. */
  readonly signal: AbortSignal;
  now(): number;
  /** Waits `ms` (less when the time is up). */
  sleep(ms: number): Promise<void>;
  /** The requirement held; `reason` says what was seen. */
  pass(requirement: string, reason: string, evidence?: readonly EvidenceItem[]): void;
  /** The SUT broke the requirement; `reason` says how, the evidence shows it. */
  fail(requirement: string, reason: string, evidence?: readonly EvidenceItem[]): void;
  /** pass when `held`, fail otherwise, with the same reason. */
  verify(requirement: string, held: boolean, reason: string, evidence?: readonly EvidenceItem[]): void;
  /** Too little was seen to decide the requirement (e.g. fewer messages than the check needs). */
  inconclusive(requirement: string, reason: string, evidence?: readonly EvidenceItem[]): void;
  /** Adds evidence that is not tied to a decision (a stimulus sent, a note). */
  record(...evidence: EvidenceItem[]): void;
  note(summary: string): void;
}

/** The drivers of a role reached over the MQTT bus. */
export interface BusContext {
  readonly bus: BusDriver;
  /** Cuts and restores the SUT's link (needs: ["link-control"]). */
  readonly link: LinkControl;
  /** Sends an upper-tester request (needs: ["upper-tester"]); undefined when the SUT did not answer in time. */
  upperTester(stimulus: UtStimulus, timeoutMs?: number): Promise<UtResponse | undefined>;
  /** GET of a URL answering JSON (e.g. a platform's query interface declared in PIXIT). */
  httpJson(url: string, timeoutMs?: number): Promise<{ readonly status: number; readonly body: unknown }>;
}

/** The context of a test of role R: the bus drivers, or the VISS driver for the vss role. */
export type TestContext<R extends SutRole> = BaseContext<R> & (R extends "vss" ? { readonly viss: VissDriver } : BusContext);
