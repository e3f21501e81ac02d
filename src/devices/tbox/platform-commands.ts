import { ResponseFlag, type Frame, type Parameter, type Time } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { formatViolation, type Violation } from "../../schema/index.ts";
import type { TboxBehaviour } from "./behaviour.ts";
import { commandAnswerFrame, parameterQueryAnswerFrame } from "./frames.ts";
import { TerminalParameters } from "./terminal-parameters.ts";

export interface CommandContext {
  readonly vin: string;
  /** The T-Box's time now. */
  readonly time: Time;
  /** The parameters in force; an accepted set changes them. */
  readonly parameters: TerminalParameters;
  readonly behaviour: TboxBehaviour;
  /** The factory values, by parameter ID. */
  readonly factory: ReadonlyMap<number, Parameter>;
}

export interface CommandOutcome {
  readonly answer: Frame;
  /** Why the command was answered with an error. */
  readonly refused?: string;
  /** A parameter set was applied. */
  readonly changed: boolean;
}

/**
 * The T-Box's answer to a platform command (GB/T 32960.3-2016 B.2.2-B.2.3): a query gets the
 * parameters asked for; a set that breaks no rule is applied and answered with success, anything
 * else (a read-only parameter, a value out of range, a command it does not carry out) with an error.
 */
export function answerCommand(frame: Frame, violations: readonly Violation[], context: CommandContext): CommandOutcome {
  const { vin, time, parameters, behaviour } = context;
  const refuse = (why: string): CommandOutcome => ({ answer: commandAnswerFrame(vin, frame.command, ResponseFlag.ERROR, time), refused: why, changed: false });
  const problems = violations.filter((v) => !(behaviour.acceptReadOnlyParameters && v.rule === "gbt32960-param-readonly"));
  if (problems.length > 0) return refuse(problems.map(formatViolation).join("; "));
  if (frame.parameterQuery !== undefined) {
    const { ids } = frame.parameterQuery;
    const answered = behaviour.queryAnswersFactoryValues ? TerminalParameters.read(context.factory, ids) : parameters.query(ids);
    return { answer: parameterQueryAnswerFrame(vin, time, answered), changed: false };
  }
  if (frame.parameterSet !== undefined) {
    const refusal = parameters.refusal(frame.parameterSet.parameters);
    if (refusal !== undefined) return refuse(refusal);
    parameters.apply(frame.parameterSet.parameters);
    return { answer: commandAnswerFrame(vin, frame.command, ResponseFlag.SUCCESS, time), changed: true };
  }
  return refuse("the reference T-Box carries out parameter queries and sets only");
}
