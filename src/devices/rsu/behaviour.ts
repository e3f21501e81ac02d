/** The knobs of an RSU's behaviour; REFERENCE_RSU is the correct setting of each, a fault changes one. */
export interface RsuBehaviour {
  /** Multiplies the configured MAP interval. */
  readonly mapIntervalFactor: number;
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
  phaseOutsideMap: false,
  countdownFrozen: false,
  yellowShownAsRed: false,
  rsmRangeFactor: 1,
  ptcIdsRestartPerMessage: false,
};

/** A phase id no MAP connection of the test network uses. */
export const PHASE_OUTSIDE_MAP = 99;
