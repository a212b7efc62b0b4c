"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useRef, useState, useTransition } from "react";
import { startImport } from "@/app/datasets/actions";
import { isFinished } from "@/lib/contracts/job-view";
import type { UploadView } from "@/lib/contracts/upload-view";
import { formatDuration } from "@/lib/format/format-duration";
import { ProgressBar } from "./progress-bar";

const IMPORT_JOB = "import-upload";

/**
 * The import action of a ready upload: starts the import with the detected layout (naive
 * times in the zone the file shows, else the browser's), follows the job live through the upload's row, and links
 * to the dataset it made (also after a reload).
 */
export function DatasetImportButton({ upload }: { upload: UploadView }) {
  const t = useTranslations("datasets.import");
  const tDatasets = useTranslations("datasets");
  const [pending, startTransition] = useTransition();
  const [started, setStarted] = useState<{ jobId: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = upload.job?.kind === IMPORT_JOB ? upload.job : null;
  const ours = job && started && job.id === started.jobId ? job : null;
  const first = useRef<{ jobId: string; at: number; progress: number } | null>(null);
  const [left, setLeft] = useState<string | null>(null);

  // Time left from the progress made since this page first saw the job running.
  const running = job?.status === "running" ? job : null;
  useEffect(() => {
    if (!running) {
      first.current = null;
      return;
    }
    const now = performance.now();
    if (first.current?.jobId !== running.id) {
      first.current = { jobId: running.id, at: now, progress: running.progress };
      return;
    }
    const made = running.progress - first.current.progress;
    const seconds = (now - first.current.at) / 1000;
    const estimate = made > 0.01 && seconds > 1 ? formatDuration((seconds / made) * (1 - running.progress)) : null;
    const timer = setTimeout(() => setLeft(estimate), 0);
    return () => clearTimeout(timer);
  }, [running?.id, running?.progress, running]);

  const run = () =>
    startTransition(async () => {
      setError(null);
      const userZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const result = await startImport(upload.id, { userZone, locale: navigator.language });
      if (result.ok) setStarted({ jobId: result.jobId });
      else setError(result.error);
    });

  const active = pending || (job && !isFinished(job.status)) || (started && !ours);
  return (
    <div className="import-cell" data-testid="import-cell">
      {active ? (
        <ProgressBar
          value={job?.status === "running" ? job.progress : 0}
          label={t("progressLabel", { name: upload.filename })}
          text={job && job.status === "running" ? `${t(`stage.${job.stage === "writing" ? "writing" : "parsing"}`)} · ${Math.round(job.progress * 100)}%${job.message ? ` · ${job.message}` : ""}${left ? ` · ${t("left", { left })}` : ""}` : job?.status === "retrying" ? tDatasets("retrying", { attempt: job.attempt + 1, max: job.maxAttempts, reason: job.message ?? "" }) : t("queued")}
        />
      ) : (
        <div className="actions">
          {job?.status === "succeeded" && job.datasetId ? (
            <Link className="button primary" href={`/datasets/${job.datasetId}`} data-testid="open-dataset">
              {t("open")}
            </Link>
          ) : null}
          <Link className="button" href={`/datasets/${upload.id}/import`} data-testid="review-import">
            {t("review")}
          </Link>
          <button type="button" className="button" onClick={run} disabled={pending}>
            {job?.status === "succeeded" || job?.status === "failed" ? t("again") : t("start")}
          </button>
        </div>
      )}
      {job?.status === "failed" && !active ? <div className="error-text">{job.message}</div> : null}
      {error ? <div className="error-text">{error}</div> : null}
    </div>
  );
}
