import { equippedVehicles } from "./equipment.ts";
import { quoted, type Rule } from "./rule-context.ts";
import { oneOf, showValue } from "./scenario-error.ts";

const eventPath = (i: number): string => `/events/${i}`;

export const alarmGroupsHaveTboxes: Rule = (context) => {
  context.model.alarms.forEach((alarm, i) => {
    const group = context.index.groups.get(alarm.group);
    const withTbox = context.model.groups.filter((g) => g.tbox !== undefined).map((g) => g.name);
    if (group === undefined) context.error(`${eventPath(i)}/group`, "unknown vehicle group", { expected: `a group with T-Boxes: ${oneOf(quoted(withTbox))}`, got: showValue(alarm.group) });
    else if (group.tbox === undefined) context.error(`${eventPath(i)}/group`, "the group has no T-Boxes", { expected: `a group with T-Boxes: ${oneOf(quoted(withTbox))}`, got: showValue(alarm.group) });
  });
};

export const alarmVehiclesHaveTboxes: Rule = (context) => {
  context.model.alarms.forEach((alarm, i) => {
    const group = context.index.groups.get(alarm.group);
    if (group?.tbox === undefined) return;
    const equipped = new Set(equippedVehicles(group.count, group.tbox.share));
    alarm.vehicles?.forEach((n, j) => {
      if (!equipped.has(n)) context.error(`${eventPath(i)}/vehicles/${j}`, `vehicle ${group.name}-${n} has no T-Box`, { expected: `a T-Box vehicle of the group: ${oneOf([...equipped])}`, got: String(n) });
    });
  });
};

export const alarmWindowsOrdered: Rule = (context) => {
  context.model.alarms.forEach((alarm, i) => {
    if (alarm.until <= alarm.from) context.error(`${eventPath(i)}/until`, "must be after from", { expected: `> ${alarm.from}`, got: String(alarm.until) });
    else if (alarm.from >= context.model.duration) context.warning(`${eventPath(i)}/from`, "never raised: the scenario ends first", { expected: `< ${context.model.duration} (the duration)`, got: String(alarm.from) });
  });
};
