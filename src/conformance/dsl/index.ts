/**
 * Everything a test purpose in conformance/suites/ may use (T4 of STYLE.md): the definer, the
 * context types, and the message types it reads and sends. Test files import from here only.
 * Role-specific helpers (checks that several test purposes of one role share) live beside this
 * file, one module per role, and are exported here.
 */
export { testPurpose, type TestCategory, type TestNeed, type TestPurpose } from "../test-purpose.ts";
export type { BaseContext, BusContext, TestContext } from "../context.ts";
export type { BusDriver, BusObservation, ReceivedFilter } from "../bus-driver.ts";
export type { LinkControl } from "../link-control.ts";
export type { UtStimulus } from "../upper-tester-client.ts";
export type { VissDriver, VissFrame, VissJson, VissSession } from "../viss-driver.ts";
export type { EvidenceItem } from "../verdict.ts";
export type { Observation } from "../../transport/observation.ts";
export type { RoleParams } from "../roles/index.ts";
export * as csae53 from "../../schema/gen/v2xh/csae53/v1/index.ts";
export * as gbt32960 from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
export * as harness from "../../schema/gen/v2xh/harness/v1/index.ts";
export * as obuChecks from "./obu.ts";
export * as platformChecks from "./platform.ts";
export * as rsuChecks from "./rsu.ts";
export * as vssChecks from "./vss.ts";
export * as tboxChecks from "./tbox.ts";
