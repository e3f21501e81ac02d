/** The knobs of a T-Box's behaviour; REFERENCE_TBOX is the correct setting of each, a fault changes one. */
export interface TboxBehaviour {
  /** Send one realtime report before the login. */
  readonly realtimeBeforeLogin: boolean;
  /** The login serial goes up by one per login (from 1 each day); otherwise every login uses 1. */
  readonly incrementLoginSerial: boolean;
  /** Added to the login serial in the logout. */
  readonly logoutSerialOffset: number;
  /** Report interval in normal driving whatever parameter 0x02 says, ms; undefined follows 0x02. */
  readonly fixedReportIntervalMs: number | undefined;
  /** Report interval during a level-3 alarm whatever parameter 0x03 says, ms; undefined follows 0x03. */
  readonly fixedAlarmIntervalMs: number | undefined;
  /** On a level-3 alarm, reissue the samples of the 30 s before it. */
  readonly reissuePreFault: boolean;
  readonly sendHeartbeat: boolean;
  /** Which reports stored during an outage are reissued after it. */
  readonly reissue: "all" | "none" | "every-other";
  /** Answer parameter queries with the factory values instead of those in force. */
  readonly queryAnswersFactoryValues: boolean;
  /** Accept a parameter set that writes the read-only versions 0x07 and 0x08. */
  readonly acceptReadOnlyParameters: boolean;
  /** Set the clock to the time of the platform's time-calibration answer. */
  readonly applyTimeCalibration: boolean;
  /** Count one fault code more in the alarm unit (N4) than the report lists. */
  readonly miscountOtherFaults: boolean;
}

export const REFERENCE_TBOX: TboxBehaviour = {
  realtimeBeforeLogin: false,
  incrementLoginSerial: true,
  logoutSerialOffset: 0,
  fixedReportIntervalMs: undefined,
  fixedAlarmIntervalMs: undefined,
  reissuePreFault: true,
  sendHeartbeat: true,
  reissue: "all",
  queryAnswersFactoryValues: false,
  acceptReadOnlyParameters: false,
  applyTimeCalibration: true,
  miscountOtherFaults: false,
};
