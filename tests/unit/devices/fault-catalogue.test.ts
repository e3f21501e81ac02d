import { describe, expect, it } from "vitest";
import { DEVICE_ROLES, FAULT_CATALOGUE, isDeviceError, listFaults, REQUIREMENT_ID_PATTERN } from "../../../src/devices/index.ts";
import { behaviourWith, type Fault } from "../../../src/devices/fault.ts";
import { REFERENCE_OBU } from "../../../src/devices/obu/behaviour.ts";
import { OBU_FAULTS } from "../../../src/devices/obu/faults.ts";
import { REFERENCE_PLATFORM } from "../../../src/devices/platform/behaviour.ts";
import { PLATFORM_FAULTS } from "../../../src/devices/platform/faults.ts";
import { REFERENCE_RSU } from "../../../src/devices/rsu/behaviour.ts";
import { RSU_FAULTS } from "../../../src/devices/rsu/faults.ts";
import { REFERENCE_TBOX } from "../../../src/devices/tbox/behaviour.ts";
import { TBOX_FAULTS } from "../../../src/devices/tbox/faults.ts";
import { REFERENCE_VSS } from "../../../src/devices/vss/behaviour.ts";
import { VSS_FAULTS } from "../../../src/devices/vss/faults.ts";

const CATALOGUES: readonly [string, object, readonly Fault<object>[]][] = [
  ["obu", REFERENCE_OBU, OBU_FAULTS as readonly Fault<object>[]],
  ["rsu", REFERENCE_RSU, RSU_FAULTS as readonly Fault<object>[]],
  ["tbox", REFERENCE_TBOX, TBOX_FAULTS as readonly Fault<object>[]],
  ["platform", REFERENCE_PLATFORM, PLATFORM_FAULTS as readonly Fault<object>[]],
  ["vss", REFERENCE_VSS, VSS_FAULTS as readonly Fault<object>[]],
];

describe("the fault catalogue", () => {
  it("has at least three faults for every role, named uniquely within the role", () => {
    for (const role of DEVICE_ROLES) {
      const names = listFaults(role).map((f) => f.name);
      expect(names.length, role).toBeGreaterThanOrEqual(3);
      expect(new Set(names).size, role).toBe(names.length);
    }
    expect(listFaults()).toEqual(FAULT_CATALOGUE);
  });

  it("names one well-formed requirement id per fault, with a kebab-case name and a one-line summary", () => {
    for (const fault of FAULT_CATALOGUE) {
      expect(fault.breaks, fault.name).toMatch(REQUIREMENT_ID_PATTERN);
      expect(fault.name).toMatch(/^[a-z0-9.]+(-[a-z0-9.]+)*$/);
      expect(fault.summary).not.toMatch(/\n/);
    }
  });

  it("holds only the catalogue fields, so the conformance catalogue can import it as data", () => {
    for (const fault of FAULT_CATALOGUE) expect(Object.keys(fault).sort()).toEqual(["breaks", "name", "role", "summary"]);
    expect(JSON.parse(JSON.stringify(FAULT_CATALOGUE))).toEqual(FAULT_CATALOGUE);
  });

  it.each(CATALOGUES)("each %s fault changes exactly one knob of the reference behaviour", (role, reference, faults) => {
    for (const fault of faults) {
      expect(fault.role).toBe(role);
      const changed = Object.keys(reference).filter((knob) => JSON.stringify(fault.apply(reference)[knob as keyof object]) !== JSON.stringify(reference[knob as keyof object]));
      expect(changed, fault.name).toHaveLength(1);
    }
  });

  it("refuses an unknown fault with a clear error that lists the valid ones", () => {
    const error = (() => {
      try {
        behaviourWith("obu", REFERENCE_OBU, OBU_FAULTS, ["bsm-rate-5hz", "no-such-fault"]);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isDeviceError(error, "UnknownFaultError")).toBe(true);
    expect(String(error)).toBe(`UnknownFaultError: unknown obu fault "no-such-fault"; the obu faults are: ${OBU_FAULTS.map((f) => f.name).join(", ")}`);
  });

  it("applies faults in the order named, leaving the reference untouched", () => {
    const behaviour = behaviourWith("obu", REFERENCE_OBU, OBU_FAULTS, ["msgcnt-skips", "bsm-rate-5hz"]);
    expect(behaviour).toEqual({ ...REFERENCE_OBU, msgCntStep: 2, intervalFactor: 2 });
    expect(REFERENCE_OBU.msgCntStep).toBe(1);
  });
});
