import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { LocalTime } from "@/components/local-time";
import { listAnalysisResults } from "@/server/analyses/analysis-results";
import { requirePageUser } from "@/server/auth/require-page-user";
import { database } from "@/server/db";

export const dynamic = "force-dynamic";

export default async function AnalysesPage() {
  const user = await requirePageUser("/analyses");
  const t = await getTranslations("analyses");
  const count = new Intl.NumberFormat(await getLocale());
  const db = await database();
  const results = await db.asUser(user.id, (sql) => listAnalysisResults(sql));
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

      <h2 className="section-title">{t("results.title")}</h2>
      <div className="panel table-wrap flush">
        {results.length === 0 ? (
          <p className="empty">{t("results.none")}</p>
        ) : (
          <table className="files data-table" data-testid="analysis-results">
            <thead>
              <tr>
                <th>{t("results.name")}</th>
                <th>{t("results.kind")}</th>
                <th>{t("results.what")}</th>
                <th className="numeric">{t("results.rows")}</th>
                <th>{t("results.made")}</th>
              </tr>
            </thead>
            <tbody>
              {results.map((result) => (
                <tr key={result.id}>
                  <td className="file-name">
                    <Link href={`/datasets/${result.id}`}>{result.name}</Link>
                  </td>
                  <td>
                    <span className="badge">{t(`results.kinds.${result.kind}`)}</span>
                  </td>
                  <td className="wrap">{result.kind === "regression-band" ? result.equation : result.columns.join(", ")}</td>
                  <td className="numeric">{count.format(result.rowCount)}</td>
                  <td>
                    <LocalTime iso={result.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}
