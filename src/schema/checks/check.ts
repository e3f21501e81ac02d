import type { Violation } from "../violation.ts";

/**
 * A named check: a rule of the standard that a range cannot express. It receives the decoded message
 * (the shape decodeProtobuf and decodeJson return) and its path, and returns what it found broken.
 */
export type MessageCheck = (message: never, path: string) => Violation[];

/** Declares a check over a typed message. */
export function defineCheck<T>(check: (message: T, path: string) => Violation[]): MessageCheck {
  return check;
}
