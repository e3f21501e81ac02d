/** The knobs of a platform's behaviour; REFERENCE_PLATFORM is the correct setting of each, a fault changes one. */
export interface PlatformBehaviour {
  readonly answerLogin: boolean;
  /** Answer success to a second login for a VIN with a live session even when duplicates are refused. */
  readonly acceptDuplicateVin: boolean;
  /** Answer a malformed or out-of-range report with an error. */
  readonly answerMalformedReport: boolean;
  /** End the sender's session after a malformed report, so its later reports are refused. */
  readonly endSessionOnMalformedReport: boolean;
  /** Added to the platform's time in time-calibration answers, ms. */
  readonly timeCalibrationOffsetMs: number;
  /** Every n-th accepted report is not kept; 0 keeps all. */
  readonly forgetEvery: number;
  /** Write the year of a login answer's time as the full year's low byte (2026 → 234) instead of 26 (the field is 0..99). */
  readonly fourDigitYearInLoginAnswer: boolean;
}

export const REFERENCE_PLATFORM: PlatformBehaviour = {
  answerLogin: true,
  acceptDuplicateVin: false,
  answerMalformedReport: true,
  endSessionOnMalformedReport: false,
  timeCalibrationOffsetMs: 0,
  forgetEvery: 0,
  fourDigitYearInLoginAnswer: false,
};
