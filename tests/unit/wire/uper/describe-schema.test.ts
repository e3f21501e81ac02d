import { describe, expect, it } from "vitest";
import { messageRule } from "../../../../src/schema/index.ts";
import { isChoice } from "../../../../src/schema/rules.ts";
import type { UperType } from "../../../../src/wire/uper/index.ts";
import { csae53, registry } from "./bit-vector.ts";

/** Every type reachable from the MessageFrame description, each once. */
function reachable(root: UperType): UperType[] {
  const seen = new Set<UperType>();
  const visit = (type: UperType): void => {
    if (seen.has(type)) return;
    seen.add(type);
    if (type.kind === "sequence") type.components.forEach((c) => visit(c.type));
    if (type.kind === "choice") type.alternatives.forEach((a) => visit(a.type));
    if (type.kind === "sequence-of") visit(type.item);
  };
  visit(root);
  return [...seen];
}

const short = (name: string) => name.replace("v2xh.csae53.v1.", "");

describe("the UPER description derived from the csae53 protos", () => {
  const types = reachable(csae53("MessageFrame"));

  // spec/csae53.md §13, checked against two ASN.1 toolchains.
  it("has the 21 extensible SEQUENCEs of the standard", () => {
    const names = types.flatMap((t) => (t.kind === "sequence" && t.extensible ? [short(t.name)] : []));
    expect(names.sort()).toEqual(
      [
        "BasicSafetyMessage", "VehicleClassification", "VehicleSafetyExtensions", "PathHistory", "FullPositionVector",
        "PathHistoryPoint", "PathPrediction", "VehicleEmergencyExtensions", "MapData", "Node", "Link", "RoadPoint", "Lane",
        "RoadsideSafetyMessage", "ParticipantData", "SPAT", "IntersectionState", "PhaseState", "RoadSideInformation",
        "RTEData", "RTSData",
      ].sort(),
    );
  });

  it("has the three extensible CHOICEs and six extensible ENUMERATEDs", () => {
    const choices = types.flatMap((t) => (t.kind === "choice" && t.extensible ? [short(t.name)] : []));
    expect(choices.sort()).toEqual(["LaneTypeAttributes", "MessageFrame", "TimeChangeDetails"]);
    const enums = types.flatMap((t) => (t.kind === "enumerated" && t.extensible ? [short(t.name)] : []));
    expect(enums.sort()).toEqual(["EventSource", "LightState", "ParticipantType", "ResponseType", "SourceType", "SpeedLimitType"]);
  });

  it("has the three BIT STRINGs with an extensible SIZE", () => {
    const roots = types.flatMap((t) => (t.kind === "bit-string" && t.size.extensible ? [t.size.min] : []));
    expect(roots.sort((a, b) => a - b)).toEqual([8, 9, 13]);
  });

  it("gives the 2020 BSM its 7 OPTIONAL components", () => {
    const bsm = csae53("BasicSafetyMessage");
    expect(bsm.kind === "sequence" && bsm.components.filter((c) => c.presence !== "mandatory").map((c) => c.key)).toEqual([
      "timeConfidence", "posAccuracy", "posConfidence", "angle", "motionCfd", "safetyExt", "emergencyExt",
    ]);
  });

  it("reads CHOICE extensibility from the message rule, which agrees with the oneof option", () => {
    for (const type of registry.messageTypes().filter((t) => t.fullName.startsWith(".v2xh.csae53."))) {
      for (const oneof of type.oneofsArray.filter(isChoice)) {
        const onOneof = (oneof.options as Record<string, unknown> | undefined)?.["(v2xh.rules.v1.oneof).extensible"] === true;
        expect(`${type.name}: ${String(onOneof)}`).toBe(`${type.name}: ${String(messageRule(type).extensible)}`);
      }
    }
  });

  it("is derived once per registry", () => {
    expect(csae53("BasicSafetyMessage")).toBe(csae53("BasicSafetyMessage"));
  });
});
