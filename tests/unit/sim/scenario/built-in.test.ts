import { describe, expect, it } from "vitest";
import { checkSpatAgainstMap, formatViolation, loadRegistry, validateRules } from "../../../../src/schema/index.ts";
import { AlarmLevel2016, GeneralAlarmBit2016, type Frame } from "../../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import type { MapData, MessageFrame } from "../../../../src/schema/gen/v2xh/csae53/v1/index.ts";
import { nodeKey } from "../../../../src/sim/road-network.ts";
import { builtInScenarioPath, listBuiltInScenarios } from "../../../../src/sim/scenario/built-in-scenarios.ts";
import { loadScenario } from "../../../../src/sim/scenario/load-scenario.ts";
import type { ResolvedScenario } from "../../../../src/sim/scenario/resolved-scenario.ts";
import { formatScenarioError } from "../../../../src/sim/scenario/scenario-error.ts";
import { runScenario } from "./run-scenario.ts";

const registry = loadRegistry();
/** 2025-06-02 16:00 Beijing time. */
const START = Date.UTC(2025, 5, 2, 8, 0, 0);

function builtIn(): ResolvedScenario {
  const result = loadScenario(builtInScenarioPath("yizhuang-arterial"), { start: START });
  if (!result.ok) throw new Error(result.errors.map(formatScenarioError).join("\n"));
  return result.scenario;
}

describe("built-in scenarios", () => {
  it("lists yizhuang-arterial and rejects an unknown name with the list", () => {
    expect(listBuiltInScenarios()).toContain("yizhuang-arterial");
    expect(() => builtInScenarioPath("nowhere")).toThrow(/unknown built-in scenario "nowhere".*yizhuang-arterial/);
  });

  it("every built-in scenario loads with no error and no warning", () => {
    for (const name of listBuiltInScenarios()) {
      const result = loadScenario(builtInScenarioPath(name), { start: START });
      expect(result.ok ? result.warnings.map(formatScenarioError) : result.errors.map(formatScenarioError)).toEqual([]);
    }
  });
});

describe("yizhuang-arterial", () => {
  const scenario = builtIn();

  it("is two signalised intersections on Ronghua Middle Rd, the first at the MAP fixture's node", () => {
    const centre = scenario.network.nodes.find((n) => nodeKey(n) === "110/1001");
    expect(centre?.position).toEqual({ lat: 39.80039, lon: 116.49458, elevation: 33 });
    expect(scenario.signalPlans.map((p) => nodeKey(p.node))).toEqual(["110/1001", "110/1004"]);
    // Coordinated: the second plan's cycle starts 36 s after the first's.
    expect((scenario.signalPlans[1]?.offset ?? 0) - (scenario.signalPlans[0]?.offset ?? 0)).toBe(36);
    expect(scenario.rsus.map((r) => r.range)).toEqual([300, 300]);
    expect(scenario.vehicles).toHaveLength(120);
    expect(Object.keys(scenario.tboxes)).toHaveLength(36);
  });

  describe("run for 120 simulated seconds", () => {
    const lastS = new Map<string, number>();
    const crossed = new Map<string, Set<string>>();
    const { sent } = runScenario(scenario, {
      seconds: 120,
      onStep: (world) => {
        for (const v of world.vehicles) {
          const before = lastS.get(v.id) ?? v.s;
          for (const line of v.path.stopLines) {
            if (before <= line.at && v.s > line.at) crossed.set(v.id, (crossed.get(v.id) ?? new Set()).add(nodeKey(line.node)));
          }
          lastS.set(v.id, v.s);
        }
      },
    });

    it("sends every kind of message, from both RSUs", () => {
      expect(new Set(sent.map((m) => m.kind))).toEqual(new Set(["bsm", "map", "spat", "rsi", "rsm", "realtime"]));
      for (const kind of ["map", "spat", "rsi", "rsm"]) {
        expect(new Set(sent.filter((m) => m.kind === kind).map((m) => m.sender)), kind).toEqual(new Set(scenario.rsus.map((r) => r.id)));
      }
      expect(sent.length).toBeGreaterThan(30_000);
    });

    it("sends only BSM, MAP, SPAT, RSI, RSM and GB/T 32960 frames that pass the rule validator", () => {
      const broken = sent.flatMap((m) => validateRules(registry, m.typeName, m.message).map((v) => `${m.kind} from ${m.sender} at ${m.at - START} ms: ${formatViolation(v)}`));
      expect(broken.slice(0, 10)).toEqual([]);
    });

    it("sends SPAT consistent with the MAP", () => {
      // The MAP each RSU sent last (they differ only in msgCnt and timestamp).
      const latest = new Map(sent.flatMap((m) => ((m.message as MessageFrame).mapFrame === undefined ? [] : [[m.sender, (m.message as MessageFrame).mapFrame as MapData] as const])));
      const maps = [...latest.values()];
      expect(maps).toHaveLength(2);
      const spats = sent.flatMap((m) => ((m.message as MessageFrame).spatFrame === undefined ? [] : [(m.message as MessageFrame).spatFrame]));
      expect(spats.length).toBeGreaterThan(2000);
      for (const spat of spats) if (spat !== undefined) expect(checkSpatAgainstMap(spat, maps)).toEqual([]);
    });

    it("moves vehicles across both intersections, turning as well as straight on", () => {
      const both = [...crossed.entries()].filter(([, nodes]) => nodes.has("110/1001") && nodes.has("110/1004")).map(([id]) => id);
      expect(both.length).toBeGreaterThanOrEqual(5);
      expect(both.some((id) => id.startsWith("ronghua-se-through-"))).toBe(true);
      expect(both.some((id) => id.startsWith("ronghua-nw-"))).toBe(true);
      for (const turning of ["wanyuan-ne-left-to-ronghua", "rongjing-ne-left-to-ronghua", "rongjing-sw-right-to-ronghua", "ronghua-se-right-to-rongjing"]) {
        expect([...crossed.keys()].some((id) => id.startsWith(`${turning}-`)), turning).toBe(true);
      }
    });

    it("raises the scenario's T-Box alarm on its vehicle from 60 s to 90 s only", () => {
      const reports = sent.filter((m) => m.kind === "realtime" && m.sender === "ronghua-se-through-3").map((m) => ({ t: (m.at - START) / 1000, frame: m.message as Frame }));
      const alarm = (frame: Frame) => frame.realtime2016?.units.find((u) => u.alarm !== undefined)?.alarm;
      const raised = reports.filter((r) => alarm(r.frame)?.maxAlarmLevel === AlarmLevel2016.LEVEL_2).map((r) => r.t);
      expect(raised).toEqual(Array.from({ length: 30 }, (_, k) => 60 + k));
      const during = reports.find((r) => r.t === 75);
      expect((alarm(during?.frame ?? ({} as Frame))?.generalAlarmFlags ?? 0) & (1 << GeneralAlarmBit2016.BATTERY_HIGH_TEMPERATURE)).not.toBe(0);
    });
  });
});
