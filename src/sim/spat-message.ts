import type { IntersectionState, Phase, PhaseState, SPAT } from "../schema/gen/v2xh/csae53/v1/index.ts";
import { nodeReference } from "./map-message.ts";
import type { LightInterval, SignalController } from "./signal-controller.ts";
import { minuteOfTheYear, secMark, toTimeMark } from "./wire-units.ts";

/** IntersectionStatusObject bit 5. */
const FIXED_TIME_OPERATION = 1 << 5;
/** The active state and the two after it: a full green → yellow → red (or red → green → yellow) look-ahead. */
const STATES_PER_PHASE = 3;

/**
 * The SPAT of some intersections at `epochMs`. Timing is counted down from now in 0.1 s; under
 * fixed time the end is certain, so minEndTime = likelyEndTime = maxEndTime. The active state also
 * says when it comes back (nextStartTime, from now) and for how long (nextDuration).
 */
export function buildSpat(controllers: readonly SignalController[], msgCnt: number, epochMs: number): SPAT {
  const moy = minuteOfTheYear(epochMs);
  const timeStamp = secMark(epochMs);
  return {
    msgCnt,
    moy,
    timeStamp,
    intersections: controllers.map((c): IntersectionState => ({
      intersectionId: nodeReference(c.plan.node),
      status: FIXED_TIME_OPERATION,
      moy,
      timeStamp,
      phases: c.phaseIds.map((id): Phase => ({ id, phaseStates: c.schedule(id, epochMs, STATES_PER_PHASE).map((s, i) => phaseState(s, i === 0 ? c.cycle : undefined)) })),
    })),
  };
}

function phaseState(interval: LightInterval, cycle: number | undefined): PhaseState {
  const end = toTimeMark(interval.end);
  return {
    light: interval.light,
    timing: {
      counting: {
        startTime: toTimeMark(interval.start),
        minEndTime: end,
        maxEndTime: end,
        likelyEndTime: end,
        ...(cycle === undefined ? {} : { nextStartTime: toTimeMark(interval.end + cycle - interval.duration), nextDuration: toTimeMark(interval.duration) }),
      },
    },
  };
}
