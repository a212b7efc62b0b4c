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

/** A derive job followed live; once it has succeeded, a link to the dataset it made. */
export function DerivationRun({ transport, run }: { transport: LiveTransport; run: StartedDerivation }) {
  const t = useTranslations("process.run");
  const [status, setStatus] = useState<JobDetail["status"] | null>(null);
  const onFinished = useCallback((job: JobDetail) => setStatus(job.status), []);
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
