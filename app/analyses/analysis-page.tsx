import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import type { SeriesSource } from "@/lib/contracts/series-source";
import { listSeriesSources } from "@/server/analyses/series-sources";
import { requirePageUser } from "@/server/auth/require-page-user";
import { database } from "@/server/db";

/** The signed-in user's datasets an analysis can use (sign-in first, back to `path`, without a session). */
export async function analysisSources(path: string): Promise<SeriesSource[]> {
  const user = await requirePageUser(path);
  const db = await database();
  return db.asUser(user.id, (sql) => listSeriesSources(sql));
}

/** An analysis page: the way back to all analyses, its title and introduction, then the analysis. */
export async function AnalysisPage({ section, children }: { section: "align" | "band"; children: ReactNode }) {
  const t = await getTranslations("analyses");
  return (
    <>
      <p className="breadcrumb">
        <Link href="/analyses">← {t("back")}</Link>
      </p>
      <h1>{t(`${section}.title`)}</h1>
      <p className="lead">{t(`${section}.intro`)}</p>
      {children}
    </>
  );
}
