import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TrainingProjectEditor } from "@/components/training-project-editor";
import { SettingsSaveStateProvider } from "@/components/settings-save-state";
import { TrainingRunsPanel } from "@/components/training-runs-panel";
import { holidayRegions } from "@/lib/train/holiday-regions";
import { requirePageUser } from "@/server/auth/require-page-user";
import { liveTransport } from "@/server/config/live-transport";
import { listDatasets } from "@/server/datasets/dataset-records";
import { database } from "@/server/db";
import { findOwnProject } from "@/server/train/projects";

export const dynamic = "force-dynamic";

export default async function TrainingProjectPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const user = await requirePageUser(`/training/${encodeURIComponent(projectId)}`);
  const project = await findOwnProject(user, projectId);
  if (!project) notFound();
  const t = await getTranslations("training");
  const db = await database();
  const datasets = await db.asUser(user.id, (sql) => listDatasets(sql));
  const transport = liveTransport();
  return (
    <>
      <p className="breadcrumb">
        <Link href="/training">← {t("back")}</Link>
      </p>
      <h1 data-testid="project-name">{project.name}</h1>
      <p className="lead">{t("projectLead")}</p>
      <SettingsSaveStateProvider>
        <TrainingProjectEditor
          projectId={project.id}
          initialConfig={project.config}
          savedAt={project.updatedAt}
          datasets={datasets.map((dataset) => ({ id: dataset.id, name: dataset.name, columns: dataset.columns }))}
          holidayRegions={holidayRegions(await getLocale())}
        />
        <TrainingRunsPanel projectId={project.id} transport={transport} />
      </SettingsSaveStateProvider>
    </>
  );
}
