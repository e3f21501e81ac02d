import { LightState, type MessageFrame, type Phase, type PhaseState, type RoadsideSafetyMessage, type SPAT } from "../../schema/gen/v2xh/csae53/v1/index.ts";
import { MSGCNT_OUT_OF_RANGE, PHASE_OUTSIDE_MAP, type RsuBehaviour, type RsuMessageType } from "./behaviour.ts";

/** The SPAT as the behaviour shows it; the reference's is the simulator's unchanged. */
export function spatAsShown(spat: SPAT, b: RsuBehaviour): SPAT {
  return {
    ...spat,
    intersections: spat.intersections.map((intersection) => {
      let phases = intersection.phases.map((phase): Phase => {
        let states = b.yellowShownAsRed ? withoutYellow(phase.phaseStates) : phase.phaseStates;
        if (b.countdownFrozen) states = states.map((state, i) => (i === 0 ? frozen(state) : state));
        return { ...phase, phaseStates: b.minEndAfterLikely ? states.map(minEndLate) : states };
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

/** How far after likelyEndTime minEndTime-late puts minEndTime, 0.1 s. */
const MIN_END_LATE = 50;

/** The state with its minEndTime after its likelyEndTime (an impossible order). */
function minEndLate(state: PhaseState): PhaseState {
  const counting = state.timing?.counting;
  if (counting === undefined) return state;
  return { ...state, timing: { counting: { ...counting, minEndTime: Math.min(counting.likelyEndTime + MIN_END_LATE, 35999) } } };
}

function renumbered(rsm: RoadsideSafetyMessage): RoadsideSafetyMessage {
  return { ...rsm, participants: rsm.participants.map((p, i) => ({ ...p, ptcId: i + 1 })) };
}

/** The RSMs of one period as the behaviour numbers and splits them; the reference's are the simulator's unchanged. */
export function rsmsAsSent(frames: readonly MessageFrame[], b: RsuBehaviour): MessageFrame[] {
  const rsms = frames.flatMap((frame) => (frame.rsmFrame === undefined ? [] : [frame.rsmFrame]));
  const first = rsms[0];
  if (b.rsmsMerged && first !== undefined) return [{ rsmFrame: { ...first, participants: rsms.flatMap((rsm) => rsm.participants) } }];
  if (b.ptcIdsRestartPerMessage) return rsms.map((rsm) => ({ rsmFrame: renumbered(rsm) }));
  return [...frames];
}

/** The frame with its msgCnt out of range when the behaviour says so for `type`. */
export function msgCntAsSent(type: RsuMessageType, frame: MessageFrame, b: RsuBehaviour): MessageFrame {
  if (b.msgCntOutOfRangeIn !== type) return frame;
  const msgCnt = MSGCNT_OUT_OF_RANGE;
  if (frame.mapFrame !== undefined) return { mapFrame: { ...frame.mapFrame, msgCnt } };
  if (frame.spatFrame !== undefined) return { spatFrame: { ...frame.spatFrame, msgCnt } };
  if (frame.rsiFrame !== undefined) return { rsiFrame: { ...frame.rsiFrame, msgCnt } };
  if (frame.rsmFrame !== undefined) return { rsmFrame: { ...frame.rsmFrame, msgCnt } };
  return frame;
}
