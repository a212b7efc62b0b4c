import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RecipeWorkbench } from "@/components/recipe-workbench";
import { requirePageUser } from "@/server/auth/require-page-user";
import { liveTransport } from "@/server/config/live-transport";
import { findOwnDataset } from "@/server/datasets/dataset-access";
import { listDatasets } from "@/server/datasets/dataset-records";
import { listSavedRecipes } from "@/server/datasets/saved-recipes";
import { database } from "@/server/db";

export const dynamic = "force-dynamic";

export default async function ProcessDatasetPage({ params }: { params: Promise<{ datasetId: string }> }) {
  const { datasetId } = await params;
  const user = await requirePageUser(`/datasets/${encodeURIComponent(datasetId)}/process`);
  const dataset = await findOwnDataset(user, datasetId);
  if (!dataset) notFound();
  const { savedRecipes, datasets } = await (await database()).asUser(user.id, async (sql) => ({ savedRecipes: await listSavedRecipes(sql), datasets: await listDatasets(sql) }));
  const t = await getTranslations("process");
  return (
    <>
      <p className="breadcrumb">
        <Link href={`/datasets/${dataset.id}`}>← {dataset.name}</Link>
      </p>
      <h1>{t("title", { name: dataset.name })}</h1>
      <p className="lead">{t("intro")}</p>
      <RecipeWorkbench
        dataset={{ id: dataset.id, name: dataset.name, columns: dataset.columns, start: dataset.analysis?.start ?? null, end: dataset.analysis?.end ?? null }}
        transport={liveTransport()}
        savedRecipes={savedRecipes}
        otherDatasets={datasets.filter((other) => other.id !== dataset.id).map((other) => ({ id: other.id, name: other.name }))}
      />
    </>
  );
}
