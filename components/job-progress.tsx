"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { cancelJob } from "@/app/jobs/actions";
import { isFinished, type JobDetail } from "@/lib/contracts/job-view";
import type { LiveTransport } from "@/lib/contracts/live-transport";
import { formatDuration } from "@/lib/format/format-duration";
import { useJob } from "./hooks/use-job";
import { useStageName } from "./hooks/use-stage-name";
import { ProgressBar } from "./progress-bar";

interface JobProgressProps {
  transport: LiveTransport;
  jobId: string;
  /** What the job does, for the progress bar's label ("Cleaning sensor.csv"). */
  label: string;
  /** Called once when the job has ended (succeeded, failed or cancelled). */
  onFinished?: (job: JobDetail) => void;
  cancellable?: boolean;
}

/** A job's live progress: bar, stage and message, time left, and Cancel while it runs. */
export function JobProgress({ transport, jobId, label, onFinished, cancellable = true }: JobProgressProps) {
  const t = useTranslations("job");
  const stageName = useStageName();
  const { job, secondsLeft } = useJob(transport, jobId);
  const [cancelling, setCancelling] = useState(false);
  const reported = useRef<string | null>(null);
  const finished = job !== null && isFinished(job.status);

  useEffect(() => {
    if (!job || !finished || reported.current === job.id) return;
    reported.current = job.id;
    onFinished?.(job);
  }, [job, finished, onFinished]);

  if (!job) return <ProgressBar value={0} label={label} text={t("connecting")} />;
  const text = (() => {
    if (job.status === "queued") return t("queued");
    if (job.status === "retrying") return t("retrying", { attempt: job.attempt + 1, max: job.maxAttempts, reason: job.message ?? "" });
    if (job.status === "failed") return job.message ?? t("failed");
    if (job.status === "cancelled") return t("cancelled");
    if (job.status === "succeeded") return t("succeeded");
    // Stages are ids the UI can name; messages come from the server as they are.
    const parts = [job.message ?? stageName(job.stage)];
    if (secondsLeft !== null) parts.push(t("left", { left: formatDuration(secondsLeft) }));
    return parts.join(" · ");
  })();

  return (
    <div className="job-progress" data-testid="job-progress" data-status={job.status}>
      <ProgressBar value={job.status === "succeeded" ? 1 : job.progress} done={job.status === "succeeded"} label={label} text={text} />
      {cancellable && !finished ? (
        <button
          type="button"
          className="button"
          disabled={cancelling}
          onClick={() => {
            setCancelling(true);
            void cancelJob(job.id).finally(() => setCancelling(false));
          }}
        >
          {cancelling ? t("cancelling") : t("cancel")}
        </button>
      ) : null}
    </div>
  );
}
