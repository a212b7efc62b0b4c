import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LocalTime } from "@/components/local-time";
import { TrainButton } from "@/components/train-button";
import { TrainingRunDetails } from "@/components/training-run-details";
import { TrainingRunStatusBadge } from "@/components/training-run-status";
import { requirePageUser } from "@/server/auth/require-page-user";
import { liveTransport } from "@/server/config/live-transport";
import { findOwnRun } from "@/server/train/training-access";

export const dynamic = "force-dynamic";

export default async function TrainingRunRoute({ params }: { params: Promise<{ projectId: string; runId: string }> }) {
  const { projectId, runId } = await params;
  const user = await requirePageUser(`/training/${encodeURIComponent(projectId)}/runs/${encodeURIComponent(runId)}`);
  const run = await findOwnRun(user, runId);
  if (!run || run.view.projectId !== projectId) notFound();
  const t = await getTranslations("trainingRuns");
  return (
    <>
      <p className="breadcrumb">
        <Link href={`/training/${projectId}`}>← {run.projectName}</Link>
      </p>
      <div className="dataset-head">
        <h1 data-testid="run-title">{t("page.title", { project: run.projectName })}</h1>
        <TrainButton projectId={projectId} disabled={run.view.status === "queued" || run.view.status === "running"} />
      </div>
      <p className="lead run-head">
        <TrainingRunStatusBadge status={run.view.status} /> {t("started")} <LocalTime iso={run.view.createdAt} />
        {run.view.finishedAt ? (
          <>
            {" "}
            · {t("finished")} <LocalTime iso={run.view.finishedAt} />
          </>
        ) : null}{" "}
        · {t("page.models", { count: run.view.modelCount })}
      </p>
      <TrainingRunDetails run={run.view} transport={liveTransport()} />
    </>
  );
}
