"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useCallback, useState } from "react";
import type { JobDetail } from "@/lib/contracts/job-view";
import type { LiveTransport } from "@/lib/contracts/live-transport";
import { JobProgress } from "./job-progress";

export interface StartedDerivation {
  jobId: string;
  datasetId: string;
  name: string;
}

/** The final status of a followed job, null while it runs. */
function useFinalStatus() {
  const [status, setStatus] = useState<JobDetail["status"] | null>(null);
  const onFinished = useCallback((job: JobDetail) => setStatus(job.status), []);
  return [status, onFinished] as const;
}

/** A derive job followed live; once it has succeeded, a link to the dataset it made. */
export function DerivationRun({ transport, run }: { transport: LiveTransport; run: StartedDerivation }) {
  const t = useTranslations("process.run");
  const [status, onFinished] = useFinalStatus();
  return (
    <div className="derivation-run" data-testid="derivation-run" data-name={run.name}>
      <span className="file-name">{run.name}</span>
      <JobProgress transport={transport} jobId={run.jobId} label={t("progress", { name: run.name })} onFinished={onFinished} />
      {status === "succeeded" ? (
        <Link className="button primary" href={`/datasets/${run.datasetId}`} data-testid="open-version">
          {t("open")}
        </Link>
      ) : null}
    </div>
  );
}

/**
 * A derive job of an analysis or a model followed live in a box of its own (a panel unless
 * `className` says otherwise); once it has succeeded, a link that opens the dataset it made.
 */
export function DerivationProgress({
  transport,
  run,
  progressLabel,
  openLabel,
  testId,
  openTestId,
  className = "panel run-panel",
}: {
  transport: LiveTransport;
  run: StartedDerivation;
  progressLabel: string;
  openLabel: string;
  testId?: string;
  openTestId: string;
  className?: string;
}) {
  const [status, onFinished] = useFinalStatus();
  return (
    <section className={className} data-testid={testId}>
      <JobProgress transport={transport} jobId={run.jobId} label={progressLabel} onFinished={onFinished} />
      {status === "succeeded" ? (
        <p>
          <Link href={`/datasets/${run.datasetId}`} data-testid={openTestId}>
            {openLabel}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
