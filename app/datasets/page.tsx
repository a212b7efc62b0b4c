import { getTranslations } from "next-intl/server";
import { DatasetsWorkspace } from "@/components/datasets-workspace";
import { requirePageUser } from "@/server/auth/require-page-user";
import { config } from "@/server/config";
import { liveTransport } from "@/server/config/live-transport";
import { database } from "@/server/db";
import { listUploadViews } from "@/server/uploads/upload-records";

export const dynamic = "force-dynamic";

export default async function DatasetsPage() {
  const user = await requirePageUser("/datasets");
  const t = await getTranslations("datasets");
  const db = await database();
  const uploads = await db.asUser(user.id, (sql) => listUploadViews(sql));
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <DatasetsWorkspace userId={user.id} transport={liveTransport()} initialUploads={uploads} maxUploadBytes={config().maxUploadBytes} />
    </>
  );
}
