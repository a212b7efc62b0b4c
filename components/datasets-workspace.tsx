"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import * as tus from "tus-js-client";
import { UPLOAD_EVENT, userChannel } from "@/lib/contracts/channels";
import type { LiveTransport } from "@/lib/contracts/live-transport";
import { findUploadLike } from "@/app/datasets/actions";
import { isFinished } from "@/lib/contracts/job-view";
import { uploadEventSchema, uploadListSchema, type UploadView } from "@/lib/contracts/upload-view";
import { newerOf } from "@/lib/contracts/newer-upload-state";
import { formatBytes } from "@/lib/format/format-bytes";
import { formatDuration } from "@/lib/format/format-duration";
import { secondsLeft, startTransferRate, updateTransferRate, type TransferRate } from "@/lib/format/transfer-rate";
import { DatasetImportButton } from "./dataset-import-button";
import { DatasetList } from "./dataset-list";
import { fileHeadSha256 } from "./file-head-checksum";
import { useLiveChannel } from "./hooks/use-live-channel";
import { useStageName } from "./hooks/use-stage-name";
import { LocalTime } from "./local-time";
import { ProgressBar } from "./progress-bar";
import { UploadRowActions } from "./upload-row-actions";

const UPLOADS_ENDPOINT = "/api/uploads";
// Below the 4.5 MB request-body limit of serverless hosts.
const CHUNK_BYTES = 4 * 1024 * 1024;
// Keep retrying through network drops and server restarts (about 5 minutes in total).
const RETRY_DELAYS_MS = [0, 1000, 2000, 3000, 5000, 5000, 10000, 10000, 15000, 15000, 20000, 30000, 30000, 30000, 30000, 30000, 30000];

/** `done` and `recognised` (the same file is uploaded already) hand the row over to the server's upload row. */
type TransferState = "starting" | "uploading" | "paused" | "done" | "recognised" | "failed" | "cancelled";

interface Transfer {
  key: string;
  name: string;
  uploadId: string | null;
  state: TransferState;
  sent: number;
  total: number;
  rate: TransferRate;
  error: string | null;
}

interface DatasetsWorkspaceProps {
  userId: string;
  transport: LiveTransport;
  initialUploads: UploadView[];
  maxUploadBytes: number;
}

/** The user's upload of the same file (name, size and head checksum), if the server has one; null when it cannot tell. */
async function recognise(file: File): Promise<UploadView | null> {
  try {
    const headSha256 = await fileHeadSha256(file);
    if (!headSha256) return null;
    const found = await findUploadLike({ filename: file.name, sizeBytes: file.size, headSha256 });
    return found.ok ? found.upload : null;
  } catch {
    // Recognition only saves a second upload: when it fails, the file is simply uploaded.
    return null;
  }
}

const uploadIdFromUrl = (url: string | null) => (url ? (url.split("/").filter(Boolean).pop() ?? null) : null);

function tusErrorMessage(error: Error, t: ReturnType<typeof useTranslations<"datasets">>): string {
  const detailed = error as tus.DetailedError;
  const body = detailed.originalResponse?.getBody()?.trim();
  if (body) return body;
  if (detailed.originalResponse) return t("uploadRefused", { status: detailed.originalResponse.getStatus() });
  return t("connectionLost");
}

/** Upload zone and file list of the Datasets page, with live status from the server. */
export function DatasetsWorkspace({ userId, transport, initialUploads, maxUploadBytes }: DatasetsWorkspaceProps) {
  const t = useTranslations("datasets");
  const locale = useLocale();
  const stageName = useStageName();
  const [uploads, setUploads] = useState<UploadView[]>(initialUploads);
  const [transfers, setTransfers] = useState<Transfer[]>([]);
  const [dragging, setDragging] = useState(false);
  const [interruptedOffsets, setInterruptedOffsets] = useState<Record<string, number>>({});
  const [actionErrors, setActionErrors] = useState<Record<string, string | null>>({});
  const tusUploads = useRef(new Map<string, tus.Upload>());
  const fileInput = useRef<HTMLInputElement>(null);

  const patchTransfer = useCallback((key: string, patch: Partial<Transfer> | ((transfer: Transfer) => Partial<Transfer>)) => {
    setTransfers((all) => all.map((transfer) => (transfer.key === key ? { ...transfer, ...(typeof patch === "function" ? patch(transfer) : patch) } : transfer)));
  }, []);

  const reload = useCallback(async () => {
    const response = await fetch("/api/files", { cache: "no-store" });
    if (!response.ok) return;
    const listed = uploadListSchema.parse(await response.json()).uploads;
    // An event may have overtaken this response: per upload, the newer state wins.
    setUploads((current) => listed.map((upload) => newerOf(current.find((known) => known.id === upload.id), upload)));
  }, []);

  const connected = useLiveChannel(transport, userChannel(userId), [UPLOAD_EVENT], {
    onSync: () => void reload(),
    onEvent: (_name, data) => {
      const parsed = uploadEventSchema.safeParse(data);
      if (!parsed.success) return;
      const incoming = parsed.data.upload;
      setUploads((all) =>
        all.some((upload) => upload.id === incoming.id)
          ? all.map((upload) => (upload.id === incoming.id ? newerOf(upload, incoming) : upload))
          : [incoming, ...all],
      );
    },
  });

  const startFile = useCallback(
    (file: File) => {
      const key = `${file.name}:${file.size}:${file.lastModified}:${Date.now()}`;
      const now = performance.now();
      const transfer: Transfer = { key, name: file.name, uploadId: null, state: "starting", sent: 0, total: file.size, rate: startTransferRate(0, now), error: null };
      setTransfers((all) => [transfer, ...all]);
      const upload = new tus.Upload(file, {
        endpoint: UPLOADS_ENDPOINT,
        chunkSize: CHUNK_BYTES,
        retryDelays: RETRY_DELAYS_MS,
        removeFingerprintOnSuccess: true,
        metadata: { filename: file.name, filetype: file.type || "text/csv" },
        onUploadUrlAvailable: () => patchTransfer(key, { uploadId: uploadIdFromUrl(upload.url) }),
        onProgress: (sent, total) =>
          patchTransfer(key, (current) => ({
            state: current.state === "paused" ? "paused" : "uploading",
            sent,
            total,
            rate: updateTransferRate(current.rate, sent, performance.now()),
          })),
        onSuccess: () => {
          tusUploads.current.delete(key);
          patchTransfer(key, (current) => ({ state: "done", sent: current.total, error: null }));
          void reload();
        },
        onError: (error) => patchTransfer(key, { state: "failed", error: tusErrorMessage(error, t) }),
      });
      tusUploads.current.set(key, upload);
      void (async () => {
        // An unfinished upload of this file goes on from the offset the server stored.
        const previous = await upload.findPreviousUploads();
        if (previous.length > 0) {
          upload.resumeFromPreviousUpload(previous[0]);
          upload.start();
          return;
        }
        // A file the server has whole already is that upload, not a second copy.
        const existing = await recognise(file);
        if (existing) {
          tusUploads.current.delete(key);
          setUploads((all) => (all.some((known) => known.id === existing.id) ? all.map((known) => (known.id === existing.id ? newerOf(known, existing) : known)) : [existing, ...all]));
          patchTransfer(key, { state: "recognised", uploadId: existing.id, sent: file.size });
          return;
        }
        upload.start();
      })();
    },
    [patchTransfer, reload, t],
  );

  const addFiles = (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) startFile(file);
  };

  const pause = (key: string) => {
    void tusUploads.current.get(key)?.abort();
    patchTransfer(key, { state: "paused" });
  };
  const resume = (key: string) => {
    const upload = tusUploads.current.get(key);
    if (!upload) return;
    patchTransfer(key, (current) => ({ state: "uploading", error: null, rate: startTransferRate(current.sent, performance.now()) }));
    upload.start();
  };
  const cancel = (key: string) => {
    const upload = tusUploads.current.get(key);
    tusUploads.current.delete(key);
    patchTransfer(key, { state: "cancelled" });
    void upload?.abort(true).then(() => reload(), () => reload());
  };
  const dismiss = (key: string) => setTransfers((all) => all.filter((transfer) => transfer.key !== key));

  // An upload left unfinished by an earlier page: show how far it got.
  const activeIds = new Set(transfers.map((transfer) => transfer.uploadId).filter(Boolean));
  const interruptedIds = uploads.filter((upload) => upload.status === "uploading" && !activeIds.has(upload.id)).map((upload) => upload.id);
  const interruptedKey = interruptedIds.join(",");
  useEffect(() => {
    if (!interruptedKey) return;
    for (const id of interruptedKey.split(",")) {
      void fetch(`${UPLOADS_ENDPOINT}/${id}`, { method: "HEAD", headers: { "Tus-Resumable": "1.0.0" } }).then((response) => {
        const offset = Number(response.headers.get("upload-offset"));
        if (response.ok && Number.isFinite(offset)) setInterruptedOffsets((all) => ({ ...all, [id]: offset }));
      });
    }
  }, [interruptedKey]);

  // A finished transfer says nothing itself: its row is the server's, whatever state that is in.
  const handedOver = (transfer: Transfer) => transfer.state === "done" || transfer.state === "recognised";
  const localOnly = transfers.filter((transfer) => !handedOver(transfer) && (!transfer.uploadId || !uploads.some((upload) => upload.id === transfer.uploadId)));
  // The server announces a new upload before the browser learns its id: that row is the local one.
  const beingCreated = transfers.filter((transfer) => !transfer.uploadId && transfer.state !== "failed" && transfer.state !== "cancelled");
  const shownUploads = uploads.filter(
    (upload) => activeIds.has(upload.id) || !beingCreated.some((transfer) => transfer.name === upload.filename && transfer.total === upload.sizeBytes),
  );
  const transferOf = (uploadId: string) => transfers.find((transfer) => transfer.uploadId === uploadId);

  const transferCells = (transfer: Transfer) => {
    const active = transfer.state === "uploading" || transfer.state === "starting";
    const left = secondsLeft(transfer.rate, transfer.total);
    const percent = transfer.total > 0 ? transfer.sent / transfer.total : 0;
    return {
      status: transfer.state === "starting" ? "uploading" : transfer.state,
      progress: (
        <ProgressBar
          value={percent}
          label={t("uploadLabel", { name: transfer.name })}
          text={
            active && transfer.rate.bytesPerSecond > 0
              ? `${Math.floor(percent * 100)}% · ${t("speed", { speed: formatBytes(transfer.rate.bytesPerSecond, locale), left: formatDuration(left) })}`
              : `${Math.floor(percent * 100)}% · ${t("transferred", { sent: formatBytes(transfer.sent, locale), total: formatBytes(transfer.total, locale) })}`
          }
        />
      ),
      actions: (
        <div className="actions">
          {active ? (
            <button type="button" className="button" onClick={() => pause(transfer.key)}>
              {t("pause")}
            </button>
          ) : null}
          {transfer.state === "paused" || transfer.state === "failed" ? (
            <button type="button" className="button" onClick={() => resume(transfer.key)}>
              {t("resume")}
            </button>
          ) : null}
          {active || transfer.state === "paused" || transfer.state === "failed" ? (
            <button type="button" className="button danger" onClick={() => cancel(transfer.key)}>
              {t("cancel")}
            </button>
          ) : (
            <button type="button" className="button" onClick={() => dismiss(transfer.key)}>
              {t("dismiss")}
            </button>
          )}
        </div>
      ),
    };
  };

  const serverCells = (upload: UploadView) => {
    if (upload.status === "uploading") {
      const offset = interruptedOffsets[upload.id];
      const percent = offset !== undefined && upload.sizeBytes > 0 ? offset / upload.sizeBytes : 0;
      return { status: "paused", progress: <ProgressBar value={percent} label={t("uploadLabel", { name: upload.filename })} text={t("interrupted", { percent: Math.floor(percent * 100) })} /> };
    }
    if (upload.status === "processing") {
      const job = upload.job;
      const text =
        job?.status === "retrying"
          ? t("retrying", { attempt: job.attempt + 1, max: job.maxAttempts, reason: job.message ?? "" })
          : `${job ? stageName(job.stage) : t("status.queued")} · ${Math.round((job?.progress ?? 0) * 100)}%`;
      return {
        status: "processing",
        progress: <ProgressBar value={job?.progress ?? 0} label={t("checkLabel", { name: upload.filename })} text={text} />,
      };
    }
    if (upload.status === "ready") {
      return { status: "ready", progress: <ProgressBar value={1} done label={t("checkLabel", { name: upload.filename })} text={t("details", { lines: upload.lineCount ?? 0, encoding: upload.encoding ?? "?", delimiter: JSON.stringify(upload.delimiter ?? "?") })} /> };
    }
    return { status: upload.status, progress: null };
  };

  // No action while a job works on the file (its check or an import): the server would refuse.
  const serverActions = (upload: UploadView) => {
    if (upload.status === "processing") return null;
    const importing = upload.job?.kind === "import-upload" && !isFinished(upload.job.status);
    return (
      <div className="actions">
        {upload.status === "ready" ? <DatasetImportButton upload={upload} /> : null}
        {importing ? null : <UploadRowActions upload={upload} onChanged={() => void reload()} onError={(message) => setActionErrors((all) => ({ ...all, [upload.id]: message }))} />}
      </div>
    );
  };

  const rows = [
    ...localOnly.map((transfer) => ({ key: transfer.key, name: transfer.name, size: transfer.total, created: null as string | null, message: transfer.error, note: null as string | null, ...transferCells(transfer) })),
    ...shownUploads.map((upload) => {
      const transfer = transferOf(upload.id);
      const live = transfer && !handedOver(transfer) && transfer.state !== "cancelled";
      const cells = live ? transferCells(transfer) : { ...serverCells(upload), actions: serverActions(upload) };
      const note = transfer?.state === "recognised" ? t("alreadyUploaded") : null;
      return { key: upload.id, name: upload.filename, size: upload.sizeBytes, created: upload.createdAt, message: (live ? transfer.error : null) ?? actionErrors[upload.id] ?? upload.message, note, ...cells };
    }),
  ];

  return (
    <>
      <label
        className={dragging ? "dropzone active" : "dropzone"}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          addFiles(event.dataTransfer.files);
        }}
      >
        <strong>{t("dropTitle")}</strong>
        <span>{t("dropHint", { maxSize: formatBytes(maxUploadBytes, locale) })}</span>
        <span className="button primary" role="button" tabIndex={0} onKeyDown={(event) => event.key === "Enter" && fileInput.current?.click()}>
          {t("choose")}
        </span>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept=".csv,.txt,.tsv,text/csv,text/plain"
          hidden
          data-testid="file-input"
          onChange={(event) => {
            addFiles(event.target.files);
            event.target.value = "";
          }}
        />
      </label>

      <div className="toolbar">
        <h2>{t("title")}</h2>
        <span className={connected ? "live-dot on" : "live-dot"}>{connected ? t("live") : t("reconnecting")}</span>
      </div>
      <div className="panel table-wrap">
        {rows.length === 0 ? (
          <div className="empty">{t("empty")}</div>
        ) : (
          <table className="files">
            <thead>
              <tr>
                <th>{t("columns.name")}</th>
                <th>{t("columns.size")}</th>
                <th>{t("columns.status")}</th>
                <th>{t("columns.created")}</th>
                <th>{t("columns.progress")}</th>
                <th aria-label={t("columns.actionsLabel")} />
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} data-file-row={row.name} data-status={row.status}>
                  <td>
                    <div className="file-name">{row.name}</div>
                    {row.message ? <div className="error-text">{row.message}</div> : null}
                    {row.note ? <div className="hint">{row.note}</div> : null}
                  </td>
                  <td className="numeric">{formatBytes(row.size, locale)}</td>
                  <td>
                    <span className={`badge ${row.status}`} data-testid="status">
                      {t(`status.${row.status}` as "status.ready")}
                    </span>
                  </td>
                  <td className="numeric">{row.created ? <LocalTime iso={row.created} /> : "–"}</td>
                  <td>{row.progress}</td>
                  <td>{row.actions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <DatasetList refreshKey={uploads.map((upload) => (upload.job?.kind === "import-upload" && upload.job.status === "succeeded" ? upload.job.id : "")).join()} />
    </>
  );
}
