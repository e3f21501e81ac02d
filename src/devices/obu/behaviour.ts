/** The knobs of an OBU's behaviour; REFERENCE_OBU is the correct setting of each, a fault changes one. */
export interface ObuBehaviour {
  /** Multiplies the configured BSM interval. */
  readonly intervalFactor: number;
  /** msgCnt goes up by this per message. */
  readonly msgCntStep: number;
  /** msgCnt wraps to 0 when it reaches this. */
  readonly msgCntModulus: number;
  /** Every n-th BSM keeps the previous msgCnt although it describes a new state; 0 never. */
  readonly msgCntRepeatEvery: number;
  /** Added to UTC before secMark is taken, ms. */
  readonly secMarkOffsetMs: number;
  /** Draw a new temporary id for every message instead of keeping one. */
  readonly newIdEveryMessage: boolean;
  /** Every n-th BSM reports a position POSITION_JUMP_METRES north of the true one; 0 never. */
  readonly positionJumpEvery: number;
  /** Vehicle width and length are multiplied by this before they are sent (10: millimetres instead of centimetres). */
  readonly sizeUnitFactor: number;
  /** Stop sending BSMs after receiving a MAP or SPAT that is not a valid message. */
  readonly stopOnMalformedInput: boolean;
  /** Added to the speed of the UPER copy of each BSM when the OBU publishes BSMs in UPER too (0.02 m/s units). */
  readonly perCopySpeedOffset: number;
}

export const REFERENCE_OBU: ObuBehaviour = {
  intervalFactor: 1,
  msgCntStep: 1,
  msgCntModulus: 128,
  msgCntRepeatEvery: 0,
  secMarkOffsetMs: 0,
  newIdEveryMessage: false,
  positionJumpEvery: 0,
  sizeUnitFactor: 1,
  stopOnMalformedInput: false,
  perCopySpeedOffset: 0,
};

/** How far a jumped position lies from the true one, m. */
export const POSITION_JUMP_METRES = 30;
