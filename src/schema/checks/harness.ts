import { UtEvent, Verdict, type RunReport, type Summary, type TestResult, type UtTriggerEvent } from "../gen/v2xh/harness/v1/index.ts";
import { fieldPath, reportValue } from "../violation.ts";
import { defineCheck, type MessageCheck } from "./check.ts";

// Decoded messages hold null for an unset message field, which the generated types do not show.
type Maybe<T> = T | null | undefined;

const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

/**
 * Whether a string field's own length and charset rules accept `text`. A syntax check judges only
 * such strings: any other is already reported by those rules.
 */
function passesFieldRule(text: string, minLength: number, maxLength: number): boolean {
  const length = [...text].length;
  return length >= minLength && length <= maxLength && PRINTABLE_ASCII.test(text);
}

const MESSAGE_TYPE_NAME = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*(?:\.[A-Z][A-Za-z0-9]*)+$/;

/** On Envelope and Evidence. */
const harnessMessageTypeName = defineCheck<{ readonly messageType?: string }>((message, path) => {
  const { messageType } = message;
  if (messageType === undefined || !passesFieldRule(messageType, 3, 255) || MESSAGE_TYPE_NAME.test(messageType)) return [];
  return [
    {
      path: fieldPath(path, "messageType"),
      rule: "harness-message-type-name",
      value: messageType,
      expected: "a full protobuf type name, package.segments.TypeName",
      clause: "",
    },
  ];
});

const KNOWN_EVENTS: ReadonlySet<number> = new Set([UtEvent.HARD_BRAKING, UtEvent.HAZARD_LIGHTS, UtEvent.ALARM]);

const harnessTriggerLevel = defineCheck<UtTriggerEvent>((trigger, path) => {
  const alarm = trigger.event === UtEvent.ALARM;
  // An unknown event is an `enum` error.
  if (!KNOWN_EVENTS.has(trigger.event) || alarm === (trigger.level !== undefined)) return [];
  return [
    {
      path: fieldPath(path, "level"),
      rule: "harness-trigger-level",
      value: reportValue(trigger.level),
      expected: alarm ? "present for UT_EVENT_ALARM" : "absent unless the event is UT_EVENT_ALARM",
      clause: "",
    },
  ];
});

const TP_ID = /^TP\/(?:OBU|RSU|TBOX|PLATFORM|VSS)\/[A-Z][A-Z0-9_]{0,15}\/(?:BV|BI|BO|TI)-[0-9]{2}$/;

const harnessTpIdSyntax = defineCheck<TestResult>((result, path) => {
  if (!passesFieldRule(result.tpId, 14, 40) || TP_ID.test(result.tpId)) return [];
  return [
    {
      path: fieldPath(path, "tpId"),
      rule: "harness-tp-id-syntax",
      value: result.tpId,
      expected: "TP/<OBU|RSU|TBOX|PLATFORM|VSS>/<AREA>/<BV|BI|BO|TI>-<NN>",
      clause: "",
    },
  ];
});

const MAX_UNIX_MICROS = 9007199254740991n;

/** A time inside the UnixMicros range; others are `range` errors. */
const isTime = (us: bigint): boolean => us >= 1n && us <= MAX_UNIX_MICROS;

const harnessTestTimes = defineCheck<TestResult>((result, path) => {
  const { startTimeUs, endTimeUs, durationMs } = result;
  if (!isTime(startTimeUs) || !isTime(endTimeUs)) return [];
  if (endTimeUs < startTimeUs) {
    return [{ path: fieldPath(path, "endTimeUs"), rule: "harness-test-times", value: reportValue(endTimeUs), expected: `at least startTimeUs (${startTimeUs})`, clause: "" }];
  }
  const elapsedMs = (endTimeUs - startTimeUs) / 1000n;
  if (BigInt(durationMs) === elapsedMs) return [];
  return [{ path: fieldPath(path, "durationMs"), rule: "harness-test-times", value: durationMs, expected: `${elapsedMs} (endTimeUs − startTimeUs in whole ms)`, clause: "" }];
});

/** Verdicts from least to most severe. */
const BY_SEVERITY: readonly Verdict[] = [Verdict.SKIP, Verdict.PASS, Verdict.INCONC, Verdict.FAIL, Verdict.ERROR];
const VERDICT_NAMES: ReadonlyMap<number, string> = new Map(Object.entries(Verdict).map(([name, value]) => [value, `VERDICT_${name}`]));

const severity = (verdict: Verdict): number => BY_SEVERITY.indexOf(verdict);

const harnessVerdictConsistency = defineCheck<TestResult>((result, path) => {
  const verdicts = result.requirementResults.map(({ verdict }) => verdict);
  // Unknown verdicts are `enum` errors.
  if (![result.verdict, ...verdicts].every((verdict) => BY_SEVERITY.includes(verdict))) return [];
  const worst = verdicts.reduce<Verdict | undefined>((a, b) => (a === undefined || severity(b) > severity(a) ? b : a), undefined);
  const allowed = worst === undefined ? [Verdict.SKIP, Verdict.ERROR] : [worst];
  if (allowed.includes(result.verdict)) return [];
  return [
    {
      path: fieldPath(path, "verdict"),
      rule: "harness-verdict-consistency",
      value: VERDICT_NAMES.get(result.verdict) ?? null,
      expected: worst === undefined ? "VERDICT_SKIP or VERDICT_ERROR (no requirement results)" : `${VERDICT_NAMES.get(worst)} (the most severe requirement verdict)`,
      clause: "",
    },
  ];
});

/** Summary counters in reporting order, each with the verdict it counts (`total` counts every result). */
const COUNTERS: readonly (readonly [keyof Summary, Verdict | undefined])[] = [
  ["total", undefined],
  ["pass", Verdict.PASS],
  ["fail", Verdict.FAIL],
  ["inconc", Verdict.INCONC],
  ["skip", Verdict.SKIP],
  ["error", Verdict.ERROR],
];

const harnessSummaryCounts = defineCheck<RunReport>((report, path) => {
  const summary: Maybe<Summary> = report.summary;
  if (!summary) return [];
  const countOf = (verdict: Verdict | undefined): number => (verdict === undefined ? report.results.length : report.results.filter((r) => r.verdict === verdict).length);
  const mismatch = COUNTERS.find(([name, verdict]) => summary[name] !== countOf(verdict));
  if (mismatch === undefined) return [];
  const [name, verdict] = mismatch;
  const counted = verdict === undefined ? "results" : `${VERDICT_NAMES.get(verdict)} results`;
  return [
    {
      path: fieldPath(fieldPath(path, "summary"), name),
      rule: "harness-summary-counts",
      value: summary[name],
      expected: `${countOf(verdict)}, the number of ${counted}`,
      clause: "",
    },
  ];
});

/** Named checks of the v2xh.harness.v1 schemas. */
export const HARNESS_CHECKS: Readonly<Record<string, MessageCheck>> = {
  "harness-message-type-name": harnessMessageTypeName,
  "harness-trigger-level": harnessTriggerLevel,
  "harness-tp-id-syntax": harnessTpIdSyntax,
  "harness-test-times": harnessTestTimes,
  "harness-verdict-consistency": harnessVerdictConsistency,
  "harness-summary-counts": harnessSummaryCounts,
};
