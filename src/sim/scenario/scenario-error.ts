/**
 * A problem found in a scenario file: an error (the file cannot be used) or a warning (it can, but
 * probably does not do what was meant). JSON-serialisable.
 */
export interface ScenarioError {
  /** The file as the caller named it. */
  readonly file: string;
  /** JSON pointer to the value in the file, e.g. "/vehicleGroups/0/count"; "" for the whole file. */
  readonly path: string;
  readonly message: string;
  /** What would have been accepted. */
  readonly expected?: string;
  /** What the file holds there, as shown to the user. */
  readonly got?: string;
  /** 1-based position of the value in the file, when known. */
  readonly line?: number;
  readonly column?: number;
}

/** What a finding expected and what it found, as shown to the user (file values through showValue). */
export interface Detail {
  readonly expected?: string;
  readonly got?: string;
}

/** A finding before the file and the position in it are attached. */
export interface Finding extends Detail {
  /** JSON pointer into the file. */
  readonly path: string;
  readonly message: string;
}

/**
 * One line: `<file>: <path>: <message> (expected <…>, got <…>)`. A YAML syntax error, which has no
 * path, is placed by line and column instead; a problem with the whole file has neither.
 */
export function formatScenarioError(error: ScenarioError): string {
  const where = error.path !== "" ? [error.path] : error.line !== undefined ? [`line ${error.line}, column ${error.column ?? 1}`] : [];
  const detail = [error.expected === undefined ? [] : [`expected ${error.expected}`], error.got === undefined ? [] : [`got ${error.got}`]].flat();
  return [error.file, ...where, `${error.message}${detail.length === 0 ? "" : ` (${detail.join(", ")})`}`].join(": ");
}

const MAX_SHOWN = 40;

/** A value as a short piece of text: strings quoted, lists and mappings named, long text cut. */
export function showValue(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null) return "null";
  if (typeof value === "object") return "a mapping";
  if (typeof value !== "string") return typeof value === "number" || typeof value === "boolean" ? String(value) : "nothing";
  const shown = JSON.stringify(value);
  return shown.length > MAX_SHOWN ? `${shown.slice(0, MAX_SHOWN - 1)}…` : shown;
}

/** "a, b, c" with at most `limit` items shown. */
export function oneOf(values: readonly (string | number)[], limit = 12): string {
  const shown = values.slice(0, limit).map(String).join(", ");
  return values.length > limit ? `${shown}, … (${values.length} in all)` : shown;
}
