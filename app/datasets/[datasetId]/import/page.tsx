import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DatasetImportWizard } from "@/components/dataset-import-wizard";
import { requirePageUser } from "@/server/auth/require-page-user";
import { listImportProfiles } from "@/server/datasets/import-profiles";
import { readUploadHead } from "@/server/datasets/upload-head";
import { database } from "@/server/db";

export const dynamic = "force-dynamic";

/**
 * The import wizard of an upload. The segment is named like the dataset page's (Next.js
 * allows one name per level), but here it holds the id of a ready upload.
 */
export default async function ImportWizardPage({ params }: { params: Promise<{ datasetId: string }> }) {
  const { datasetId: uploadId } = await params;
  const user = await requirePageUser(`/datasets/${encodeURIComponent(uploadId)}/import`);
  const found = await readUploadHead(user, uploadId);
  if (!found) notFound();
  const profiles = await (await database()).asUser(user.id, (sql) => listImportProfiles(sql));
  const t = await getTranslations("wizard");
  return (
    <>
      <p className="breadcrumb">
        <Link href="/datasets">← {t("back")}</Link>
      </p>
      <h1>{t("title", { name: found.upload.filename })}</h1>
      <p className="lead">{t("intro")}</p>
      <DatasetImportWizard uploadId={found.upload.id} headBase64={Buffer.from(found.head).toString("base64")} complete={found.complete} initialProfiles={profiles} />
    </>
  );
}
