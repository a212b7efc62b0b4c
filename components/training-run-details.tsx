"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { JobProgress } from "@/components/job-progress";
import type { LiveTransport } from "@/lib/contracts/live-transport";
import type { TrainingRunView } from "@/lib/contracts/training-run";
import { ApplyModelForm } from "./apply-model-form";
import { ForecastChart } from "./forecast-chart";
import { TrainingLeaderboard } from "./training-leaderboard";

/**
 * One training run as its state allows: live progress (per model and epoch) while it runs,
 * the reason when it failed or was cancelled, and once trained the leaderboard, the
 * forecast charts and applying a model to a dataset. When its job ends, `onChanged` runs
 * (by default the page is read again from the server).
 */
export function TrainingRunDetails({ run, transport, onChanged }: { run: TrainingRunView; transport: LiveTransport; onChanged?: () => void }) {
  const t = useTranslations("trainingRuns");
  const count = new Intl.NumberFormat(useLocale());
  const router = useRouter();
  const active = run.status === "queued" || run.status === "running";
  return (
    <div className="training-run" data-testid="training-run" data-status={run.status}>
      {active && run.jobId ? (
        <div className="panel report">
          <JobProgress transport={transport} jobId={run.jobId} label={t("progressLabel")} onFinished={() => (onChanged ? onChanged() : router.refresh())} />
        </div>
      ) : null}
      {run.status === "failed" || run.status === "cancelled" ? (
        <p className={run.status === "failed" ? "notice error" : "notice"} data-testid="run-message">
          {run.status === "failed" ? t("failed", { message: run.message ?? "" }) : t("cancelled")}
        </p>
      ) : null}
      {run.status === "succeeded" && run.samples && run.features ? (
        <>
          <section className="stat-grid" aria-label={t("samples.title")}>
            {(["train", "validation", "test", "skipped", "dropped"] as const).map((part) => (
              <div className="stat" key={part}>
                <span>{t(`samples.${part}`)}</span>
                <strong>{count.format(run.samples![part])}</strong>
              </div>
            ))}
            <div className="stat">
              <span>{t("samples.features")}</span>
              <strong>
                {run.features.inputs} → {run.features.outputs}
              </strong>
            </div>
          </section>
          <h3>{t("leaderboard.title")}</h3>
          <TrainingLeaderboard models={run.models} />
          <h3>{t("chart.title")}</h3>
          <ForecastChart models={run.models} />
          <h3>{t("apply.title")}</h3>
          <ApplyModelForm models={run.models} inputColumns={run.inputColumns} transport={transport} />
        </>
      ) : null}
    </div>
  );
}
