import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { once } from "node:events";

/**
 * Writes text chunks to `target` through a temporary file renamed at the end, so that a
 * failure never leaves a half-written output behind.
 */
export async function writeOutputAtomically(target: string, chunks: Iterable<string> | AsyncIterable<string>): Promise<void> {
  const temporary = path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${process.pid}.partial`);
  const stream = createWriteStream(temporary, { encoding: "utf8" });
  try {
    for await (const chunk of chunks) {
      if (!stream.write(chunk)) await once(stream, "drain");
    }
    stream.end();
    await once(stream, "finish");
    await rename(temporary, target);
  } catch (error) {
    stream.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}
