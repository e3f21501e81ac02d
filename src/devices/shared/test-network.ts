import { builtInScenarioPath, formatScenarioError, loadScenario, type ResolvedScenario } from "../../sim/index.ts";
import { DeviceError } from "../device-error.ts";

/** The built-in scenario whose network, signal plans, RSUs and traffic the reference devices run. */
export const TEST_SCENARIO = "yizhuang-arterial";

/**
 * Where the scenario's clock is anchored. Fixed-time signal plans repeat every cycle, so plans
 * anchored here hold at any time; devices start their own vehicles at their own start times.
 */
const ANCHOR = Date.UTC(2025, 5, 2);

let cached: ResolvedScenario | undefined;

/** The test scenario, loaded once per process (parsing and checking it takes a few hundred ms). */
export function testScenario(): ResolvedScenario {
  if (cached !== undefined) return cached;
  const result = loadScenario(builtInScenarioPath(TEST_SCENARIO), { start: ANCHOR });
  if (!result.ok) throw new DeviceError("DeviceStartError", `the built-in scenario ${TEST_SCENARIO} does not load: ${result.errors.map(formatScenarioError).join("; ")}`);
  cached = result.scenario;
  return cached;
}
