import "server-only";
import { open, readFile } from "node:fs/promises";
import { SpecError } from "@/lib/process/spec-errors";
import type { Frame } from "@/lib/series/frame";
import { NormalisedCsvError, NormalisedCsvReader } from "@/lib/series/normalised-csv";
import { CliError } from "./cli-error";

// Argument parsing and file reading shared by the CLI commands.

/** Positional arguments and `--name value` / `--name=value` options; unknown options are errors. */
export function parseArguments(argv: string[], known: readonly string[]): { positional: string[]; options: Map<string, string> } {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (!known.includes(name)) throw new CliError(`unknown option --${name} (options: ${known.map((k) => `--${k}`).join(", ")})`);
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === "") throw new CliError(`--${name} needs a value`);
    options.set(name, value);
  }
  return { positional, options };
}

export function requireOption(options: Map<string, string>, name: string, usage: string): string {
  const value = options.get(name);
  if (value === undefined) throw new CliError(`missing --${name}; usage: ${usage}`);
  return value;
}

function describeReadError(file: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new CliError(`cannot read ${file}: no such file`);
  if (code === "EISDIR") return new CliError(`cannot read ${file}: it is a directory`);
  if (error instanceof NormalisedCsvError) return new CliError(`${file}: ${error.message}`);
  return new CliError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
}

/** Streams a normalised CSV (docs/normalised-csv.md) into a frame, reading into one reused buffer. */
export async function readNormalisedCsvFile(file: string): Promise<Frame> {
  try {
    const handle = await open(file, "r");
    try {
      const reader = new NormalisedCsvReader({ expectedBytes: (await handle.stat()).size });
      const buffer = new Uint8Array(1 << 22);
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) break;
        reader.pushBytes(buffer.subarray(0, bytesRead));
      }
      return reader.finish();
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw describeReadError(file, error);
  }
}

/** Reads and parses a JSON document; `what` names it in errors ("recipe", "spec"). */
export async function readJsonFile(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw describeReadError(file, error);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new CliError(`${what} ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A SpecError becomes a CLI error that keeps its one-line `path: reason` message, naming the file when a field is at fault. */
export function asCliError(error: unknown, what: string, file: string): unknown {
  if (!(error instanceof SpecError)) return error;
  return new CliError(error.path ? `${what} ${file}: ${error.message}` : error.message);
}
