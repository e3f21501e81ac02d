import { LatenessHistogram } from "../fleet/lateness-histogram.ts";

/** Problem lines kept for the summary: enough to say what went wrong, few enough to print. */
const MAX_PROBLEMS = 5;

/** The books of a load run, kept by its T-Boxes and its send loop; counts since the start unless said otherwise. */
export class LoadCounters {
  /** T-Boxes whose connection came up at least once. */
  everConnected = 0;
  /** T-Boxes whose first connection could not be opened (they are not retried). */
  connectFailures = 0;
  loginsSent = 0;
  loginsAccepted = 0;
  loginsRefused = 0;
  /** Refused logins by the answer's response flag. */
  readonly refusedFlags = new Map<string, number>();
  /** Logins with no answer within the login timeout, or whose connection was lost first. */
  loginsUnanswered = 0;
  /** Logins sent whose answer is still awaited. */
  loginsPending = 0;
  reportsDemanded = 0;
  reportsSent = 0;
  /** Not sent: a whole period late, the T-Box's next report was due already. */
  reportsSkipped = 0;
  /** Not sent: the T-Box was not connected or not logged in. */
  reportsOffline = 0;
  /** Not sent: the platform had not read what the connection already held (its write buffer was full). */
  reportsBackpressure = 0;
  heartbeatsSent = 0;
  heartbeatsAnswered = 0;
  /** Answers with a response flag other than success, to anything but a login. */
  errorAnswers = 0;
  /** Frames that answer nothing sent (a late login answer, a platform command). */
  unexpectedFrames = 0;
  /** Bytes from the platform that are not a GB/T 32960 frame. */
  unreadableFrames = 0;
  connectionsLost = 0;
  /** Connections that came up again after being lost. */
  reconnects = 0;
  /** Lateness of every report sent: when it was handed to its connection minus when it was due, ms. */
  readonly lateness = new LatenessHistogram();
  /** The same since the last progress report. */
  readonly recent = new LatenessHistogram();
  /** The first problems, one line each, naming the VIN. */
  readonly problems: string[] = [];

  problem(line: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(line);
  }

  sent(lateness: number): void {
    this.reportsSent += 1;
    this.lateness.record(lateness);
    this.recent.record(lateness);
  }
}
