import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requirePageUser } from "@/server/auth/require-page-user";

export const dynamic = "force-dynamic";

export default async function AnalysesPage() {
  await requirePageUser("/analyses");
  const t = await getTranslations("analyses");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <div className="tool-cards">
        <Link className="panel tool-card" href="/analyses/align" data-testid="to-align">
          <strong>{t("align.title")}</strong>
          <span>{t("align.summary")}</span>
        </Link>
        <Link className="panel tool-card" href="/analyses/regression" data-testid="to-band">
          <strong>{t("band.title")}</strong>
          <span>{t("band.summary")}</span>
        </Link>
      </div>
    </>
  );
}
