import { departureOf } from "./departures.ts";
import { reportRepeats, type Rule } from "./rule-context.ts";
import type { Distribution } from "./scenario-model.ts";

const groupPath = (i: number): string => `/vehicleGroups/${i}`;

export const groupNamesUnique: Rule = (context) => reportRepeats(context, context.model.groups, (g) => JSON.stringify(g.name), (i) => `${groupPath(i)}/name`, "group name");

/** More than one vehicle needs a spacing: a headway or a rate, not both. */
export const departureSpacingGiven: Rule = (context) => {
  context.model.groups.forEach((group, i) => {
    const { headway, rate } = group.departure;
    const path = `${groupPath(i)}/departure`;
    if (headway !== undefined && rate !== undefined) context.error(`${path}/rate`, "give headway or rate, not both", { expected: "no rate beside a headway" });
    else if (headway === undefined && rate === undefined && group.count > 1) context.error(path, "missing spacing between departures", { expected: "headway (s) or rate (veh/h)", got: "neither" });
  });
};

export const departuresWithinDuration: Rule = (context) => {
  const { duration } = context.model;
  context.model.groups.forEach((group, i) => {
    let late = 0;
    for (let n = 0; n < group.count; n++) if (departureOf(group, n) >= duration) late++;
    if (late > 0) context.warning(`${groupPath(i)}/departure`, `${late} of ${group.count} vehicles would depart after the scenario ends`, { expected: `departures before ${duration} s` });
  });
};

export const distributionsOrdered: Rule = (context) => {
  context.model.groups.forEach((group, i) => {
    const checks: [string, Distribution | undefined][] = [
      ["desiredSpeed", group.desiredSpeed],
      ["tbox/battery/initialSoc", group.tbox?.options.initialSoc],
      ["tbox/initialOdometer", group.tbox?.options.initialOdometer],
    ];
    for (const [where, value] of checks) {
      if (value === undefined || typeof value === "number") continue;
      const got = value.mean < value.min ? "mean below min" : value.mean > value.max ? "mean above max" : undefined;
      if (got !== undefined) context.error(`${groupPath(i)}/${where}`, "min, mean and max out of order", { expected: "min <= mean <= max", got });
    }
  });
};
