import type { RunReport, SelftestReport } from "../conformance/verdict.ts";

/**
 * The machine-readable report (conformance/report.schema.json): pretty JSON with keys in the
 * records' own order, ending in a newline. Several runs become an array.
 */
export function renderJson(report: RunReport | readonly RunReport[] | SelftestReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
