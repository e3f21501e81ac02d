/** The messages an RSU sends. */
export type RsuMessageType = "map" | "spat" | "rsi" | "rsm";

/** The knobs of an RSU's behaviour; REFERENCE_RSU is the correct setting of each, a fault changes one. */
export interface RsuBehaviour {
  /** Multiplies the configured MAP interval. */
  readonly mapIntervalFactor: number;
  /** Multiplies the configured SPAT interval. */
  readonly spatIntervalFactor: number;
  /** The message type whose msgCnt is sent out of its range 0..127 (MSGCNT_OUT_OF_RANGE), or none. */
  readonly msgCntOutOfRangeIn: RsuMessageType | "none";
  /** Put each counting state's minEndTime 5 s after its likelyEndTime. */
  readonly minEndAfterLikely: boolean;
  /** Send each period's participants in one RSM, however many there are. */
  readonly rsmsMerged: boolean;
  /** Add a phase the MAP does not know (PHASE_OUTSIDE_MAP) to every SPAT intersection. */
  readonly phaseOutsideMap: boolean;
  /** Report each active light state's full duration as its remaining time, so the countdown never falls. */
  readonly countdownFrozen: boolean;
  /** Show yellow as red, so green turns straight to red. */
  readonly yellowShownAsRed: boolean;
  /** Multiplies the range within which vehicles are put in RSMs. */
  readonly rsmRangeFactor: number;
  /** Number the participants 1, 2, … afresh in every RSM, so a batch of RSMs reuses ptcIds. */
  readonly ptcIdsRestartPerMessage: boolean;
}

export const REFERENCE_RSU: RsuBehaviour = {
  mapIntervalFactor: 1,
  spatIntervalFactor: 1,
  msgCntOutOfRangeIn: "none",
  minEndAfterLikely: false,
  rsmsMerged: false,
  phaseOutsideMap: false,
  countdownFrozen: false,
  yellowShownAsRed: false,
  rsmRangeFactor: 1,
  ptcIdsRestartPerMessage: false,
};

/** A phase id no MAP connection of the test network uses. */
export const PHASE_OUTSIDE_MAP = 99;

/** A msgCnt above MsgCount's 0..127. */
export const MSGCNT_OUT_OF_RANGE = 200;
