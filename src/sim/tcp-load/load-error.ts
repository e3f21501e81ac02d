/** Why a load run could not start: a bad option, a machine that cannot hold the connections, or a platform that took none. */
export type TcpLoadErrorCode = "bad-option" | "os-limit" | "unreachable";

/** A load run that could not start; the message says what to change. What the platform does once connected is counted, never thrown. */
export class TcpLoadError extends Error {
  override readonly name = "TcpLoadError";
  readonly code: TcpLoadErrorCode;

  constructor(code: TcpLoadErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
