import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { RegressionBandWorkspace } from "@/components/regression-band-workspace";
import { listSeriesSources } from "@/server/analyses/series-sources";
import { requirePageUser } from "@/server/auth/require-page-user";
import { liveTransport } from "@/server/config/live-transport";
import { database } from "@/server/db";

export const dynamic = "force-dynamic";

export default async function RegressionBandPage() {
  const user = await requirePageUser("/analyses/regression");
  const t = await getTranslations("analyses");
  const db = await database();
  const sources = await db.asUser(user.id, (sql) => listSeriesSources(sql));
  return (
    <>
      <p className="breadcrumb">
        <Link href="/analyses">← {t("back")}</Link>
      </p>
      <h1>{t("band.title")}</h1>
      <p className="lead">{t("band.intro")}</p>
      <RegressionBandWorkspace sources={sources} transport={liveTransport()} />
    </>
  );
}
