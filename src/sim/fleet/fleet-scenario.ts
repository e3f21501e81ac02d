import { existsSync, readFileSync } from "node:fs";
import { builtInScenarioPath, listBuiltInScenarios } from "../scenario/built-in-scenarios.ts";
import { loadScenario } from "../scenario/load-scenario.ts";
import type { ResolvedScenario } from "../scenario/resolved-scenario.ts";
import { formatScenarioError, type ScenarioError } from "../scenario/scenario-error.ts";
import { scaleVehicleGroups } from "./scale-vehicle-groups.ts";

/** A scenario that cannot be used; `problems` are one line each (file, path, what was expected). */
export class FleetScenarioError extends Error {
  override readonly name = "FleetScenarioError";
  readonly problems: readonly string[];

  constructor(message: string, problems: readonly string[] = []) {
    super(problems.length === 0 ? message : `${message}:\n  ${problems.join("\n  ")}`);
    this.problems = problems;
  }
}

/** A scenario ready for a fleet run at any start time. */
export interface FleetScenario {
  /** The file it came from. */
  readonly file: string;
  /** Warnings of the loader, one line each. */
  readonly warnings: readonly string[];
  /** The scenario resolved to start at `start`, ms since the epoch. */
  at(start: number): ResolvedScenario;
}

/**
 * Loads `source` — a scenario file, or the name of a built-in scenario — with its vehicle groups
 * scaled to `vehicles` vehicles when given. Throws a FleetScenarioError naming every problem.
 */
export function fleetScenario(source: string, options: { readonly vehicles?: number; readonly now?: number } = {}): FleetScenario {
  const file = scenarioFile(source);
  let text = readFileSync(file, "utf8");
  if (options.vehicles !== undefined) {
    try {
      text = scaleVehicleGroups(text, options.vehicles);
    } catch (error) {
      throw new FleetScenarioError(`${file}: ${(error as Error).message}`);
    }
  }
  const load = (start: number): { scenario: ResolvedScenario; warnings: ScenarioError[] } => {
    const result = loadScenario({ text, file }, { start });
    if (!result.ok) throw new FleetScenarioError(`${file} is not a usable scenario`, result.errors.map(formatScenarioError));
    return result;
  };
  const first = load(options.now ?? Date.now());
  let last = first.scenario;
  return {
    file,
    warnings: first.warnings.map(formatScenarioError),
    at(start) {
      if (last.start !== start) last = load(start).scenario;
      return last;
    },
  };
}

function scenarioFile(source: string): string {
  if (existsSync(source)) return source;
  const names = listBuiltInScenarios();
  if (names.includes(source)) return builtInScenarioPath(source);
  throw new FleetScenarioError(`no scenario file "${source}", and it is not a built-in scenario (${names.join(", ")})`);
}
