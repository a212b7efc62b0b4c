import "server-only";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { config } from "@/server/config";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const BLOB_KEY = new RegExp(`^(datasets/${UUID}\\.arrow|training-runs/${UUID}/(model-\\d+\\.json|forecasts-\\d+\\.arrow|checkpoint\\.json))$`);

/** Blob keys are made here from server-generated UUIDs; nothing a user typed becomes a path or key. */
export function datasetBlobKey(datasetId: string): string {
  const key = `datasets/${datasetId}.arrow`;
  if (!BLOB_KEY.test(key)) throw new Error("invalid dataset id");
  return key;
}

/** A training run's model document and test forecasts, by the model's 1-based place in the run's config. */
export function trainedModelBlobKeys(runId: string, position: number): { model: string; forecasts: string } {
  if (!Number.isInteger(position) || position < 1) throw new Error("invalid model position");
  const keys = { model: `training-runs/${runId}/model-${position}.json`, forecasts: `training-runs/${runId}/forecasts-${position}.arrow` };
  if (!BLOB_KEY.test(keys.model)) throw new Error("invalid training run id");
  return keys;
}

/** What a training run's attempts have finished so far, for a retry to go on from (see training-checkpoint). */
export function trainingCheckpointBlobKey(runId: string): string {
  const key = `training-runs/${runId}/checkpoint.json`;
  if (!BLOB_KEY.test(key)) throw new Error("invalid training run id");
  return key;
}

/** Every file a training run of `modelCount` models may have written, for removal. */
export function trainingRunBlobKeys(runId: string, modelCount: number): string[] {
  const models = Array.from({ length: modelCount }, (_, i) => trainedModelBlobKeys(runId, i + 1)).flatMap((keys) => [keys.model, keys.forecasts]);
  return [...models, trainingCheckpointBlobKey(runId)];
}

function assertKey(key: string): string {
  if (!BLOB_KEY.test(key)) throw new Error("invalid blob key");
  return key;
}

/** Immutable files of the product (datasets as Arrow IPC, trained models), under `<dataDir>/files/` in embedded mode. */
export interface BlobStore {
  /** Writes the whole blob; readers see either nothing or the complete file. */
  put(key: string, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<number>;
  get(key: string): Promise<Uint8Array>;
  /** Removes the blob and anything left of an unfinished write of it; no error when absent. */
  remove(key: string): Promise<void>;
}

export function fileBlobStore(dir: string): BlobStore {
  const fileOf = (key: string) => path.join(dir, assertKey(key));
  return {
    async put(key, chunks) {
      const target = fileOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.tmp-${randomUUID()}`;
      let bytes = 0;
      const counted = async function* () {
        for await (const chunk of chunks) {
          bytes += chunk.length;
          yield chunk;
        }
      };
      try {
        await pipeline(Readable.from(counted()), createWriteStream(temporary));
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      return bytes;
    },
    async get(key) {
      return new Uint8Array(await readFile(fileOf(key)));
    },
    async remove(key) {
      const target = fileOf(key);
      await rm(target, { force: true });
      const base = path.basename(target);
      const names = await readdir(path.dirname(target)).catch(() => [] as string[]);
      await Promise.all(names.filter((name) => name.startsWith(`${base}.tmp-`)).map((name) => rm(path.join(path.dirname(target), name), { force: true })));
    },
  };
}

const STORE = Symbol.for("chronoframe.blob-store");
type Holder = typeof globalThis & { [STORE]?: BlobStore };

export function blobStore(): BlobStore {
  const holder = globalThis as Holder;
  if (!holder[STORE]) {
    const { storage } = config();
    // Cloud blob storage for datasets is not built yet: say so instead of writing to a server's disk.
    if (storage.kind === "s3") throw new Error("Dataset storage on S3 is not available yet: run with embedded file storage");
    holder[STORE] = fileBlobStore(storage.dir);
  }
  return holder[STORE];
}
