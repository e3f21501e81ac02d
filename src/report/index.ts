export { coverageSummary, type CoverageSummary } from "./coverage.ts";
export { formatProgress, formatSelftest, formatSummary } from "./console.ts";
export { renderHtml } from "./html.ts";
export { renderJson } from "./json-report.ts";
export { renderJunit, renderSelftestJunit } from "./junit.ts";
export { writeRunReports, type ReportPaths } from "./write-reports.ts";
