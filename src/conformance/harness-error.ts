/** The closed list of the harness's own failures; each maps to verdict `error` (or exit 2), never to `fail`. */
export type HarnessErrorName =
  | "ConfigError" // a PICS, PIXIT or catalogue file is missing or invalid
  | "SuiteError" // a test purpose file is malformed (bad id, unknown requirement, unknown PICS item)
  | "HarnessFault"; // the harness could not do what a test asked (broker unreachable, proxy port taken)

const NAMES: ReadonlySet<string> = new Set<HarnessErrorName>(["ConfigError", "SuiteError", "HarnessFault"]);

/** A failure of the harness or its configuration, kept apart from anything the SUT did. Serialises to JSON. */
export class HarnessError extends Error {
  override readonly name: HarnessErrorName;

  constructor(name: HarnessErrorName, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = name;
  }

  toJSON(): { name: HarnessErrorName; message: string } {
    return { name: this.name, message: this.message };
  }
}

export function isHarnessError(value: unknown, name?: HarnessErrorName): value is HarnessError {
  return value instanceof Error && NAMES.has(value.name) && (name === undefined || value.name === name);
}
