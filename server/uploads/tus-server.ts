import "server-only";
import { Server } from "@tus/server";
import { currentUser } from "@/server/auth/current-user";
import type { SessionUser } from "@/server/auth/session-user";
import { config } from "@/server/config";
import { database } from "@/server/db";
import { guardPolicy } from "@/server/http/request-policy";
import { refuseContent, refuseFilename } from "./accepted-files";
import { announceQueuedChecks, completeStrandedUploads, queueUploadCheck } from "./complete-upload";
import { publishUpload } from "./publish-upload";
import { deleteUpload, findUploadView, insertUpload, setUploadStatus } from "./upload-records";
import { isUploadId, uploadStore } from "./upload-store";

export const UPLOADS_PATH = "/api/uploads";
const SNIFF_BYTES = 4096;

/** The user of each request being handled, for the tus hooks (they receive the same Request). */
const requestUsers = new WeakMap<Request, SessionUser>();
/** The upload row a creation request wrote, to take back if the store then fails to create the file. */
const createdUploads = new WeakMap<Request, string>();

function userOf(request: Request): SessionUser {
  const user = requestUsers.get(request);
  if (!user) throw { status_code: 401, body: "Sign in to continue.\n" };
  return user;
}

function createTusServer(): Server {
  const { maxUploadBytes, uploadExpiryMs } = config();
  return new Server({
    path: UPLOADS_PATH,
    datastore: uploadStore().datastore,
    maxSize: maxUploadBytes,
    relativeLocation: true,
    respectForwardedHeaders: true,
    // The app uploads from its own origin, which needs no CORS; only a configured public origin gets CORS headers.
    allowedOrigins: (origin) => guardPolicy().trustedOrigins.includes(origin),
    namingFunction: () => crypto.randomUUID(),
    async onUploadCreate(request, upload) {
      const user = userOf(request);
      const refusal = refuseFilename(upload.metadata?.filename);
      if (refusal) throw { status_code: 415, body: `${refusal}\n` };
      if (upload.size === undefined) throw { status_code: 400, body: "Upload-Length is required.\n" };
      const db = await database();
      await db.asUser(user.id, (sql) =>
        insertUpload(sql, {
          id: upload.id,
          ownerId: user.id,
          filename: upload.metadata!.filename!.trim(),
          sizeBytes: upload.size!,
          expiresAt: new Date(Date.now() + uploadExpiryMs),
        }),
      );
      createdUploads.set(request, upload.id);
      return {};
    },
    async onUploadFinish(request, upload) {
      const user = userOf(request);
      const db = await database();
      // Should the process stop before this commits, the start-up check completes the upload.
      if (await db.asUser(user.id, (sql) => queueUploadCheck(sql, upload.id))) await announceQueuedChecks([upload.id]);
      return {};
    },
    onResponseError(_request, error) {
      if ("status_code" in error) return undefined;
      console.error("upload error:", error);
      return { status_code: 500, body: "The upload could not be stored. Try again.\n" };
    },
  });
}

const TUS = Symbol.for("chronoframe.tus-server");
type Holder = typeof globalThis & { [TUS]?: Server };

export function tusServer(): Server {
  const holder = globalThis as Holder;
  holder[TUS] ??= createTusServer();
  return holder[TUS];
}

const text = (status: number, body: string) =>
  new Response(`${body}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Tus-Resumable": "1.0.0" } });

/** The upload id a request addresses, or null for the collection (POST, OPTIONS). */
function addressedId(request: Request): string | null | undefined {
  const rest = new URL(request.url).pathname.slice(UPLOADS_PATH.length).replace(/^\/+|\/+$/g, "");
  if (rest === "") return null;
  return isUploadId(rest) ? rest : undefined;
}

/** Reads the first bytes of the body and hands back a request whose body still starts with them. */
async function peekBody(request: Request): Promise<{ head: Uint8Array; request: Request }> {
  if (!request.body) return { head: new Uint8Array(), request };
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < SNIFF_BYTES && !done) {
    const next = await reader.read();
    done = next.done;
    if (next.value) {
      parts.push(next.value);
      size += next.value.length;
    }
  }
  const head = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    head.set(part, at);
    at += part.length;
  }
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(head);
      if (done) controller.close();
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  const init: RequestInit & { duplex: "half" } = { method: request.method, headers: request.headers, body, duplex: "half", signal: request.signal };
  return { head, request: new Request(request.url, init) };
}

/**
 * Every tus request: the user must be signed in, and a request for an existing upload
 * must come from its owner (others get 404, as if it did not exist). The first chunk's
 * bytes must look like text.
 */
export async function handleUploadRequest(incoming: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return text(401, "Sign in to continue.");
  const id = addressedId(incoming);
  if (id === undefined) return text(404, "Upload not found.");
  let request = incoming;
  if (id) {
    const db = await database();
    const upload = await db.asUser(user.id, (sql) => findUploadView(sql, id));
    if (!upload) return text(404, "Upload not found.");
    if (request.method === "PATCH" && request.headers.get("content-type") !== "application/offset+octet-stream") {
      return text(415, "PATCH bodies must be sent as application/offset+octet-stream.");
    }
    if (upload.status === "expired" || (upload.status === "uploading" && Date.parse(upload.expiresAt) < Date.now())) {
      return text(410, "This upload expired before it was completed.");
    }
    if (request.method === "PATCH" && request.headers.get("upload-offset") === "0") {
      const peeked = await peekBody(request);
      const refusal = refuseContent(peeked.head);
      if (refusal) {
        await uploadStore().remove(id);
        await db.asUser(user.id, (sql) => setUploadStatus(sql, id, "failed", refusal));
        await publishUpload(id);
        return text(415, refusal);
      }
      request = peeked.request;
    }
  }
  requestUsers.set(request, user);
  const response = await tusServer().handleWeb(request);
  const createdId = createdUploads.get(request);
  if (createdId) {
    // The row is written before the store creates the file: keep both or neither.
    if (response.status === 201) await publishUpload(createdId);
    else await (await database()).asUser(user.id, (sql) => deleteUpload(sql, createdId));
  }
  if (id && request.method === "DELETE" && response.status === 204) await forgetUpload(user, id);
  // A client resuming an upload whose bytes all arrived before the server stopped asks for the
  // offset, finds it complete and sends nothing more: the check starts here, not never.
  if (id && request.method === "HEAD" && response.status === 200 && response.headers.get("upload-offset") === response.headers.get("upload-length")) {
    await completeStrandedUploads(await database(), uploadStore(), [id]);
  }
  return response;
}

/** After tus removed the bytes: an unfinished upload is shown as cancelled, a finished one disappears. */
async function forgetUpload(user: SessionUser, id: string): Promise<void> {
  const db = await database();
  const wasUploading = await db.asUser(user.id, async (sql) => {
    const upload = await findUploadView(sql, id);
    if (upload?.status === "uploading") {
      await setUploadStatus(sql, id, "cancelled", "Cancelled.");
      return true;
    }
    await deleteUpload(sql, id);
    return false;
  });
  if (wasUploading) await publishUpload(id);
}
