import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { RunReport, SelftestReport } from "../conformance/verdict.ts";
import { renderHtml } from "./html.ts";
import { renderJson } from "./json-report.ts";
import { renderJunit, renderSelftestJunit } from "./junit.ts";

/** Absolute paths of the files written. */
export interface ReportPaths {
  readonly json: string;
  readonly junit: string;
  readonly html: string;
}

/**
 * Writes report.json, junit.xml and report.html into `dir` (created if missing). report.json holds a
 * single run as one object and several runs as an array.
 */
export async function writeRunReports(dir: string, reports: readonly RunReport[] | SelftestReport): Promise<ReportPaths> {
  const root = path.resolve(dir);
  const paths = { json: path.join(root, "report.json"), junit: path.join(root, "junit.xml"), html: path.join(root, "report.html") };
  const source = isRunList(reports) ? single(reports) : reports;
  const junit = isRunList(reports) ? renderJunit(reports) : renderSelftestJunit(reports);
  await mkdir(root, { recursive: true });
  await Promise.all([
    writeFile(paths.json, renderJson(source), "utf8"),
    writeFile(paths.junit, junit, "utf8"),
    writeFile(paths.html, renderHtml(source), "utf8"),
  ]);
  return paths;
}

function isRunList(reports: readonly RunReport[] | SelftestReport): reports is readonly RunReport[] {
  return Array.isArray(reports);
}

function single(reports: readonly RunReport[]): RunReport | readonly RunReport[] {
  const [first, ...rest] = reports;
  if (first === undefined) throw new RangeError("writeRunReports: expected at least one RunReport, got none");
  return rest.length === 0 ? first : reports;
}
