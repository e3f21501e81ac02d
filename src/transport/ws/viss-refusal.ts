import type { VissErrorCondition } from "./viss-error-profiles.ts";

/** Thrown while answering a request: the error answer it gets instead. */
export class Refusal extends Error {
  readonly condition: VissErrorCondition;
  constructor(condition: VissErrorCondition, message: string) {
    super(message);
    this.condition = condition;
  }
}
