import { LightState, type MessageFrame, type Phase, type PhaseState, type RoadsideSafetyMessage, type SPAT } from "../../schema/gen/v2xh/csae53/v1/index.ts";
import { PHASE_OUTSIDE_MAP, type RsuBehaviour } from "./behaviour.ts";

/** The SPAT as the behaviour shows it; the reference's is the simulator's unchanged. */
export function spatAsShown(spat: SPAT, b: RsuBehaviour): SPAT {
  return {
    ...spat,
    intersections: spat.intersections.map((intersection) => {
      let phases = intersection.phases.map((phase): Phase => {
        const states = b.yellowShownAsRed ? withoutYellow(phase.phaseStates) : phase.phaseStates;
        return { ...phase, phaseStates: b.countdownFrozen ? states.map((state, i) => (i === 0 ? frozen(state) : state)) : states };
      });
      const first = phases[0];
      if (b.phaseOutsideMap && first !== undefined) phases = [...phases, { ...first, id: PHASE_OUTSIDE_MAP }];
      return { ...intersection, phases };
    }),
  };
}

/**
 * The states with each yellow folded into the red after it: red from the start of the yellow to
 * the end of the red. The countdown stays continuous; only the light sequence is wrong.
 */
function withoutYellow(states: readonly PhaseState[]): PhaseState[] {
  const out: PhaseState[] = [];
  states.forEach((state, i) => {
    if (state.light !== LightState.YELLOW) {
      if (states[i - 1]?.light !== LightState.YELLOW) out.push(state);
      return;
    }
    const red = states[i + 1];
    const yellowStart = state.timing?.counting?.startTime;
    const redCounting = red?.timing?.counting;
    if (red?.light !== LightState.RED || redCounting === undefined || yellowStart === undefined) out.push({ ...state, light: LightState.RED });
    else out.push({ light: LightState.RED, timing: { counting: { ...redCounting, startTime: yellowStart } } });
  });
  return out;
}

/** The active state with its full duration as the time left, so its countdown never falls. */
function frozen(state: PhaseState): PhaseState {
  const counting = state.timing?.counting;
  if (counting?.nextDuration === undefined) return state;
  const full = counting.nextDuration;
  return { ...state, timing: { counting: { ...counting, minEndTime: full, likelyEndTime: full, maxEndTime: full } } };
}

function renumbered(rsm: RoadsideSafetyMessage): RoadsideSafetyMessage {
  return { ...rsm, participants: rsm.participants.map((p, i) => ({ ...p, ptcId: i + 1 })) };
}

/** The RSMs of one period as the behaviour numbers them; the reference keeps the simulator's ptcIds. */
export function rsmsAsNumbered(frames: readonly MessageFrame[], b: RsuBehaviour): MessageFrame[] {
  if (!b.ptcIdsRestartPerMessage) return [...frames];
  return frames.map((frame) => (frame.rsmFrame === undefined ? frame : { rsmFrame: renumbered(frame.rsmFrame) }));
}
