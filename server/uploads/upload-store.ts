import "server-only";
import { access, mkdir, readdir, stat, rm } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { FileStore } from "@tus/file-store";
import { S3Store } from "@tus/s3-store";
import type { DataStore } from "@tus/utils";
import { config } from "@/server/config";

const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Upload ids are server-generated UUIDs; anything else never reaches a path or a key. */
export function isUploadId(value: string): boolean {
  return UPLOAD_ID.test(value);
}

function assertUploadId(id: string): string {
  if (!isUploadId(id)) throw new Error("invalid upload id");
  return id;
}

async function storedCompletely(datastore: DataStore, id: string): Promise<boolean> {
  const upload = await datastore.getUpload(assertUploadId(id)).catch(() => null);
  return upload !== null && upload.size !== undefined && upload.offset === upload.size;
}

/** Where raw uploaded files live: a folder (embedded) or an S3 bucket (cloud), behind tus's DataStore. */
export interface UploadStore {
  datastore: DataStore;
  read(id: string): Promise<Readable>;
  remove(id: string): Promise<void>;
  /** Whether every declared byte of the upload is stored (false when it is unknown). */
  isComplete(id: string): Promise<boolean>;
  /** Ids of stored files older than `olderThanMs`, for the orphan sweep (file store only). */
  listOlderThan(olderThanMs: number): Promise<string[]>;
  check(): Promise<void>;
}

export function fileUploadStore(dir: string, expiryMs: number): UploadStore {
  const datastore = new FileStore({ directory: dir, expirationPeriodInMilliseconds: expiryMs });
  const fileOf = (id: string) => path.join(dir, assertUploadId(id));
  return {
    datastore,
    read: async (id) => datastore.read(assertUploadId(id)),
    remove: async (id) => {
      await rm(fileOf(id), { force: true });
      await rm(`${fileOf(id)}.json`, { force: true });
    },
    isComplete: (id) => storedCompletely(datastore, id),
    listOlderThan: async (olderThanMs) => {
      const now = Date.now();
      const ids: string[] = [];
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        const id = name.replace(/\.json$/, "");
        if (!isUploadId(id) || ids.includes(id)) continue;
        const info = await stat(path.join(dir, name)).catch(() => null);
        if (info && now - info.mtimeMs > olderThanMs) ids.push(id);
      }
      return ids;
    },
    check: async () => {
      await mkdir(dir, { recursive: true });
      await access(dir);
    },
  };
}

function s3UploadStore(s3: Extract<ReturnType<typeof config>["storage"], { kind: "s3" }>, expiryMs: number): UploadStore {
  const datastore = new S3Store({
    // Below Vercel's 4.5 MB request body limit, like the client's chunks.
    partSize: 4 * 1024 * 1024,
    expirationPeriodInMilliseconds: expiryMs,
    s3ClientConfig: {
      bucket: s3.bucket,
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    },
  });
  return {
    datastore,
    read: (id) => datastore.read(assertUploadId(id)),
    remove: async (id) => {
      await datastore.remove(assertUploadId(id)).catch(() => undefined);
    },
    isComplete: (id) => storedCompletely(datastore, id),
    // The bucket's lifecycle rules and tus's own expiry clean S3; nothing is listed here.
    listOlderThan: async () => [],
    check: async () => {
      await datastore.getUpload("00000000-0000-4000-8000-000000000000").catch((error: { status_code?: number }) => {
        if (error?.status_code !== 404) throw error;
      });
    },
  };
}

const STORE = Symbol.for("chronoframe.upload-store");
type Holder = typeof globalThis & { [STORE]?: UploadStore };

export function uploadStore(): UploadStore {
  const holder = globalThis as Holder;
  if (!holder[STORE]) {
    const { storage, uploadExpiryMs } = config();
    holder[STORE] = storage.kind === "s3" ? s3UploadStore(storage, uploadExpiryMs) : fileUploadStore(path.join(storage.dir, "uploads"), uploadExpiryMs);
  }
  return holder[STORE];
}
