import { spawnSync } from "node:child_process";
import { describe, it } from "vitest";

/**
 * Tests that need something from the machine (protoc, a broker, Docker) run inside
 * `describeWhen`. Where it is missing they are skipped with a message saying what to install;
 * with V2X_NO_SKIP=1 (set by .ci/run) the skip becomes a failing test instead.
 */
export function describeWhen(requirement: { readonly what: string; readonly available: boolean; readonly hint: string }, name: string, body: () => void): void {
  if (requirement.available) {
    describe(name, body);
    return;
  }
  const message = `${requirement.what} is not available: ${requirement.hint}`;
  if (process.env["V2X_NO_SKIP"] === "1") {
    describe(name, () => {
      it(`needs ${requirement.what}`, () => {
        throw new Error(`${message} (V2X_NO_SKIP=1 turns this skip into a failure)`);
      });
    });
    return;
  }
  console.warn(`skipping "${name}": ${message}`);
  describe.skip(name, body);
}

export function commandAvailable(command: string, args: string[] = ["--version"]): boolean {
  return spawnSync(command, args, { stdio: "ignore" }).status === 0;
}
