import { DeviceError } from "./device-error.ts";
import type { DeviceRole } from "./role.ts";

/**
 * A requirement id, `<STANDARD>-<VERSION>-<CLAUSE>-<WORD>`, e.g. "GBT32960-2016-B.2.1-PERIOD":
 * the standard and edition freeze the clause; the word says what is required.
 */
export type RequirementId = `${string}-${string}-${string}-${string}`;

export const REQUIREMENT_ID_PATTERN = /^[A-Z][A-Z0-9]*-[A-Z0-9]+-[A-Z0-9.]+(-[A-Z0-9]+)+$/;

/** What a fault is, without how it is made: the entry the conformance catalogue imports. */
export interface FaultDefinition {
  /** Kebab-case name used with `--fault`, unique within its role. */
  readonly name: string;
  readonly role: DeviceRole;
  /** The one requirement the fault breaks; everything else the device does stays correct. */
  readonly breaks: RequirementId;
  /** One line: what the faulty device does differently. */
  readonly summary: string;
}

/** A fault of a device whose behaviour is the plain record `B`. */
export interface Fault<B> extends FaultDefinition {
  /** The reference behaviour with this fault's one change. */
  readonly apply: (behaviour: B) => B;
}

/** Only the catalogue fields of a fault. */
export function definitionOf({ name, role, breaks, summary }: FaultDefinition): FaultDefinition {
  return { name, role, breaks, summary };
}

/**
 * The behaviour of a device of `role` with the named faults applied to `reference`, in the order
 * named. Throws an UnknownFaultError listing the role's faults when a name is not one of them.
 */
export function behaviourWith<B>(role: DeviceRole, reference: B, catalogue: readonly Fault<B>[], names: readonly string[]): B {
  let behaviour = reference;
  for (const name of names) {
    const fault = catalogue.find((f) => f.name === name);
    if (fault === undefined) {
      throw new DeviceError("UnknownFaultError", `unknown ${role} fault "${name}"; the ${role} faults are: ${catalogue.map((f) => f.name).join(", ")}`);
    }
    behaviour = fault.apply(behaviour);
  }
  return behaviour;
}
