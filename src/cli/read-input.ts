import { readFile } from "node:fs/promises";
import { CliError } from "./cli-error.ts";

/** Reads a file, or standard input for "-", as bytes. */
export async function readInput(source: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<Uint8Array> {
  if (source === "-") {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks);
  }
  try {
    return await readFile(source);
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (cause as Error).message;
    throw new CliError(`cannot read ${source}: ${reason}`);
  }
}
