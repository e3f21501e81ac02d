import { describe, expect, it } from "vitest";
import { UtEvent, Verdict, type Envelope, type RequirementResult, type RunReport, type TestResult, type UtRequest } from "../../../../src/schema/gen/v2xh/harness/v1/index.ts";
import { decodeJson, loadRegistry } from "../../../../src/schema/index.ts";
import { fixtureDecoder, fixtureJson, must, violations } from "../../../helpers/check-test.ts";

const registry = loadRegistry();
const decoded = fixtureDecoder("harness");
const ENVELOPE = "v2xh.harness.v1.Envelope";
const UT_REQUEST = "v2xh.harness.v1.UtRequest";
const TEST_RESULT = "v2xh.harness.v1.TestResult";
const RUN_REPORT = "v2xh.harness.v1.RunReport";

const testResult = (fields: Partial<TestResult> = {}): TestResult => Object.assign(decoded<TestResult>("test-result.json"), fields);

describe("harness-message-type-name", () => {
  const rule = "harness-message-type-name";
  const envelope = (messageType: string): Envelope => Object.assign(decoded<Envelope>("envelope.json"), { messageType });

  it.each(["v2xh.csae53.v1.MessageFrame", "google.protobuf.Timestamp", "a.B", "v2xh.vss.v1.Outer.Inner2", "pkg_1.v2.X"])("accepts %s", (name) => {
    expect(violations(ENVELOPE, envelope(name))).toEqual([]);
  });

  it.each(["v2xh.security.v1.ieee1609Dot2Data", "MessageFrame", "v2xh.csae53.v1", "V2xh.csae53.v1.MessageFrame", "v2xh..v1.Frame", "v2xh.v1.Frame.", "v2xh.1v.Frame", "v2xh.v1.Message_Frame", "v2xh.v1.Frame.inner"])(
    "rejects %s",
    (name) => {
      expect(violations(ENVELOPE, envelope(name))).toEqual([{ path: "messageType", rule, value: name }]);
    },
  );

  it("checks the message type of evidence, when present", () => {
    const result = testResult();
    const evidence = must(result.evidence[0]);
    evidence.messageType = "csae53.bsm";
    expect(violations(TEST_RESULT, result)).toEqual([{ path: "evidence[0].messageType", rule, value: "csae53.bsm" }]);
    delete evidence.messageType;
    expect(violations(TEST_RESULT, result)).toEqual([]);
  });

  it("leaves a too short name to the length rule", () => {
    expect(violations(ENVELOPE, envelope("a."))).toEqual([{ path: "messageType", rule: "length", value: 2 }]);
  });
});

describe("harness-trigger-level", () => {
  const rule = "harness-trigger-level";

  function trigger(event: UtEvent, level?: number): UtRequest {
    const request = decoded<UtRequest>("ut-request-trigger-alarm.json");
    const triggerEvent = must(request.triggerEvent);
    triggerEvent.event = event;
    if (level === undefined) delete triggerEvent.level;
    else triggerEvent.level = level;
    return request;
  }

  it("accepts a level exactly for the alarm event", () => {
    expect(violations(UT_REQUEST, trigger(UtEvent.ALARM, 0))).toEqual([]);
    expect(violations(UT_REQUEST, trigger(UtEvent.HARD_BRAKING))).toEqual([]);
  });

  it("rejects an alarm without a level and a level on another event", () => {
    expect(violations(UT_REQUEST, trigger(UtEvent.ALARM))).toEqual([{ path: "triggerEvent.level", rule, value: null }]);
    expect(violations(UT_REQUEST, trigger(UtEvent.HAZARD_LIGHTS, 2))).toEqual([{ path: "triggerEvent.level", rule, value: 2 }]);
  });

  it("leaves an unspecified event to the enum rule", () => {
    expect(violations(UT_REQUEST, trigger(UtEvent.UNSPECIFIED, 2))).toEqual([{ path: "triggerEvent.event", rule: "enum", value: 0 }]);
  });
});

describe("harness-tp-id-syntax", () => {
  const rule = "harness-tp-id-syntax";

  it.each(["TP/OBU/BSM/BV-01", "TP/PLATFORM/GBT32960_LOGIN/BI-99", "TP/VSS/A/TI-00", "TP/TBOX/ABCDEFGHIJKLMNOP/BO-10"])("accepts %s", (tpId) => {
    expect(violations(TEST_RESULT, testResult({ tpId }))).toEqual([]);
  });

  it.each(["TP/obu/BSM/BV-01", "TP/CAR/BSM/BV-01", "TP/OBU/bsm/BV-01", "TP/OBU/1BSM/BV-01", "TP/OBU/ABCDEFGHIJKLMNOPQ/BV-01", "TP/OBU/BSM/BX-01", "TP/OBU/BSM/BV-1", "TP/OBU/BSM/BV-001", "TC/OBU/BSM/BV-01"])(
    "rejects %s",
    (tpId) => {
      expect(violations(TEST_RESULT, testResult({ tpId }))).toEqual([{ path: "tpId", rule, value: tpId }]);
    },
  );

  it("leaves a too short id to the length rule", () => {
    expect(violations(TEST_RESULT, testResult({ tpId: "TP/VSS/A/BV-1" }))).toEqual([{ path: "tpId", rule: "length", value: 13 }]);
  });
});

describe("harness-test-times", () => {
  const rule = "harness-test-times";

  it("accepts the elapsed time in whole milliseconds", () => {
    expect(violations(TEST_RESULT, testResult())).toEqual([]);
    expect(violations(TEST_RESULT, testResult({ endTimeUs: 1748779200000999n, durationMs: 0 }))).toEqual([]);
  });

  it("rejects an end before the start at endTimeUs", () => {
    expect(violations(TEST_RESULT, testResult({ endTimeUs: 1748779199999999n, durationMs: 0 }))).toEqual([{ path: "endTimeUs", rule, value: "1748779199999999" }]);
  });

  it("rejects a duration that is not the elapsed time", () => {
    expect(violations(TEST_RESULT, testResult({ durationMs: 10251 }))).toEqual([{ path: "durationMs", rule, value: 10251 }]);
  });

  it("leaves an unset time to the range rule", () => {
    expect(violations(TEST_RESULT, testResult({ startTimeUs: 0n }))).toEqual([{ path: "startTimeUs", rule: "range", value: "0" }]);
  });
});

describe("harness-verdict-consistency", () => {
  const rule = "harness-verdict-consistency";

  function judged(verdict: Verdict, requirements: Verdict[]): TestResult {
    const result = testResult({ verdict });
    const template = must(result.requirementResults[0]);
    result.requirementResults = requirements.map((v): RequirementResult => ({ ...template, verdict: v }));
    return result;
  }

  it.each([
    [Verdict.PASS, [Verdict.PASS, Verdict.SKIP]],
    [Verdict.INCONC, [Verdict.PASS, Verdict.INCONC]],
    [Verdict.FAIL, [Verdict.INCONC, Verdict.FAIL, Verdict.PASS]],
    [Verdict.ERROR, [Verdict.FAIL, Verdict.ERROR]],
    [Verdict.SKIP, [Verdict.SKIP]],
    [Verdict.SKIP, []],
    [Verdict.ERROR, []],
  ])("accepts %s over %j", (verdict, requirements) => {
    expect(violations(TEST_RESULT, judged(verdict, requirements))).toEqual([]);
  });

  it.each([
    [Verdict.PASS, [Verdict.FAIL, Verdict.PASS], "VERDICT_PASS"],
    [Verdict.FAIL, [Verdict.PASS], "VERDICT_FAIL"],
    [Verdict.SKIP, [Verdict.SKIP, Verdict.PASS], "VERDICT_SKIP"],
    [Verdict.PASS, [], "VERDICT_PASS"],
    [Verdict.INCONC, [], "VERDICT_INCONC"],
  ])("rejects %s over %j", (verdict, requirements, value) => {
    expect(violations(TEST_RESULT, judged(verdict, requirements))).toEqual([{ path: "verdict", rule, value }]);
  });

  it("leaves an unspecified requirement verdict to the enum rule", () => {
    expect(violations(TEST_RESULT, judged(Verdict.PASS, [Verdict.FAIL, Verdict.UNSPECIFIED]))).toEqual([{ path: "requirementResults[1].verdict", rule: "enum", value: 0 }]);
  });
});

describe("harness-summary-counts", () => {
  const rule = "harness-summary-counts";

  function reported(summary: Partial<RunReport["summary"]>): RunReport {
    const report = decoded<RunReport>("run-report.json");
    Object.assign(report.summary, summary);
    return report;
  }

  it("accepts counts that match the results", () => {
    expect(violations(RUN_REPORT, reported({}))).toEqual([]);
  });

  it.each([
    [{ total: 3 }, "summary.total", 3],
    [{ pass: 2, skip: 0 }, "summary.pass", 2],
    [{ fail: 1 }, "summary.fail", 1],
    [{ inconc: 1 }, "summary.inconc", 1],
    [{ skip: 0 }, "summary.skip", 0],
    [{ error: 4 }, "summary.error", 4],
  ])("reports the first mismatch of %j", (summary, path, value) => {
    expect(violations(RUN_REPORT, reported(summary))).toEqual([{ path, rule, value }]);
  });

  it("skips a report without a summary", () => {
    const json = fixtureJson("harness", "run-report.json");
    delete json["summary"];
    expect(violations(RUN_REPORT, decodeJson(registry, RUN_REPORT, json))).toEqual([{ path: "summary", rule: "required", value: null }]);
  });
});
