import { isMap, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { ScenarioError } from "./scenario-error.ts";

/** Where a JSON pointer's value starts in the text, 1-based; the nearest existing ancestor for a missing value. */
export type Locate = (pointer: string) => { readonly line: number; readonly column: number } | undefined;

export type ParsedYaml =
  | { readonly ok: true; readonly value: unknown; readonly locate: Locate; readonly warnings: ScenarioError[] }
  | { readonly ok: false; readonly errors: ScenarioError[] };

/**
 * Parses one YAML document: YAML 1.2 core schema (so timestamps stay strings) plus merge keys
 * (`<<: *defaults`); a repeated key is an error.
 */
export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: true });
  const at = (offset: number): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problem = (e: { message: string; pos: [number, number] }): ScenarioError => ({ file, path: "", message: `YAML: ${firstLine(e.message)}`, ...at(e.pos[0]) });
  if (doc.errors.length > 0) return { ok: false, errors: doc.errors.map(problem) };
  const locate: Locate = (pointer) => {
    let node: unknown = doc.contents;
    let found = rangeStart(node);
    for (const segment of segments(pointer)) {
      node = isMap(node) ? node.get(segment, true) : isSeq(node) ? node.get(Number(segment), true) : undefined;
      const start = rangeStart(node);
      if (start === undefined) break;
      found = start;
    }
    return found === undefined ? undefined : at(found);
  };
  return { ok: true, value: doc.toJS(), locate, warnings: doc.warnings.map(problem) };
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | undefined)?.range?.[0];
}

/** The segments of a JSON pointer, unescaped. */
function segments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}
