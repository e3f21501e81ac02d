/** Exit codes of every `v2x` command (ARCHITECTURE.md §9). */
export const EXIT = {
  ok: 0,
  /** A failed verdict or invalid input. */
  failed: 1,
  /** A usage or environment error: wrong flags, unreadable file, unknown type. */
  usage: 2,
} as const;

/** An error the user can fix; printed as one line, no stack. */
export class CliError extends Error {
  override readonly name = "CliError";
  readonly exitCode: number;

  constructor(message: string, exitCode: number = EXIT.usage) {
    super(message);
    this.exitCode = exitCode;
  }
}
