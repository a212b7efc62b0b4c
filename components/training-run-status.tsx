"use client";

import { useTranslations } from "next-intl";
import type { TrainingRunStatus } from "@/lib/contracts/training-run";

const BADGE: Record<TrainingRunStatus, string> = { queued: "queued", running: "processing", succeeded: "ready", failed: "failed", cancelled: "cancelled" };

/** A run's state as a badge in the colours of the upload states. */
export function TrainingRunStatusBadge({ status }: { status: TrainingRunStatus }) {
  const t = useTranslations("trainingRuns.status");
  return (
    <span className={`badge ${BADGE[status]}`} data-testid="run-status">
      {t(status)}
    </span>
  );
}
