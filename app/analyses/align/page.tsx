import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AlignForm } from "@/components/align-form";
import { listSeriesSources } from "@/server/analyses/series-sources";
import { requirePageUser } from "@/server/auth/require-page-user";
import { liveTransport } from "@/server/config/live-transport";
import { database } from "@/server/db";

export const dynamic = "force-dynamic";

export default async function AlignPage() {
  const user = await requirePageUser("/analyses/align");
  const t = await getTranslations("analyses");
  const db = await database();
  const sources = await db.asUser(user.id, (sql) => listSeriesSources(sql));
  return (
    <>
      <p className="breadcrumb">
        <Link href="/analyses">← {t("back")}</Link>
      </p>
      <h1>{t("align.title")}</h1>
      <p className="lead">{t("align.intro")}</p>
      <AlignForm sources={sources} transport={liveTransport()} />
    </>
  );
}
