import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DatasetDownloads } from "@/components/dataset-downloads";
import { DatasetRowsTable } from "@/components/dataset-rows-table";
import { LocalTime } from "@/components/local-time";
import { RecipeSteps } from "@/components/recipe-steps";
import { VersionCompare } from "@/components/version-compare";
import { ImportWarnings, ZoneChoiceLine } from "@/components/zone-choice-line";
import { zoneChoiceSchema } from "@/lib/contracts/zone-choice";
import type { StepReport } from "@/lib/process/apply-recipe";
import { formatBytes } from "@/lib/format/format-bytes";
import { DATE_ORDER_MESSAGE_KEY } from "@/lib/ingest/decide-date-order";
import { requirePageUser } from "@/server/auth/require-page-user";
import { findOwnDataset } from "@/server/datasets/dataset-access";
import { findLineage } from "@/server/datasets/dataset-lineage";
import { database } from "@/server/db";

export const dynamic = "force-dynamic";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The page's numbers in the UI language (decimal comma in German). */
function pageFormats(locale: string) {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
  const count = new Intl.NumberFormat(locale);
  const percentOf = (digits: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const percent = (share: number | null) => (share === null ? "–" : `${percentOf(share === 1 ? 0 : 1).format(share * 100)} %`);
  const value = (v: number | null) => (v === null ? "–" : number.format(v));
  const minutesText = (minutes: number | null): string => {
    if (minutes === null) return "–";
    if (minutes < 1) return `${number.format(minutes * 60)} s`;
    if (minutes < 60 || minutes % 60 !== 0) return `${number.format(minutes)} min`;
    const hours = minutes / 60;
    return hours % 24 === 0 ? `${hours / 24} d` : `${hours} h`;
  };
  return { number, count, percent, value, minutesText };
}

export default async function DatasetPage({ params }: { params: Promise<{ datasetId: string }> }) {
  const { datasetId } = await params;
  const user = await requirePageUser(`/datasets/${encodeURIComponent(datasetId)}`);
  const dataset = await findOwnDataset(user, datasetId);
  if (!dataset) notFound();
  const lineage = await (await database()).asUser(user.id, (sql) => findLineage(sql, dataset));
  const t = await getTranslations("dataset");
  const locale = await getLocale();
  const { number, count, percent, value, minutesText } = pageFormats(locale);
  const { analysis, report, derivation } = dataset;
  const stepReports = (dataset.derivationReport as { kind?: string; steps?: StepReport[] } | null)?.kind === "recipe" ? (dataset.derivationReport as { steps: StepReport[] }).steps : undefined;
  const startIso = iso(analysis?.start ?? null);
  const endIso = iso(analysis?.end ?? null);
  const textCells = report?.textCells.reduce((sum, cells) => sum + cells.count, 0) ?? 0;
  // Reports stored before the zone choice was recorded have neither it nor warnings.
  const zoneChoice = zoneChoiceSchema.safeParse(report?.zone);
  const warnings = report?.warnings ?? [];

  return (
    <>
      <p className="breadcrumb">
        <Link href="/datasets">← {t("back")}</Link>
      </p>
      <div className="dataset-head">
        <div>
          <h1 data-testid="dataset-name">{dataset.name}</h1>
          <p className="lead">
            {t("lead", { rows: count.format(dataset.rowCount), columns: dataset.columns.length, size: formatBytes(dataset.sizeBytes, locale) })} · {derivation ? t("created") : t("imported")}{" "}
            <LocalTime iso={dataset.createdAt} />
          </p>
        </div>
        <div className="actions downloads">
          <Link className="button primary" href={`/datasets/${dataset.id}/process`} data-testid="open-process">
            {t("process")}
          </Link>
          <DatasetDownloads datasetId={dataset.id} />
        </div>
      </div>

      <section className="stat-grid" aria-label={t("analysis")}>
        <div className="stat">
          <span>{t("stats.start")}</span>
          <strong>{startIso ? <LocalTime iso={startIso} /> : "–"}</strong>
        </div>
        <div className="stat">
          <span>{t("stats.end")}</span>
          <strong>{endIso ? <LocalTime iso={endIso} /> : "–"}</strong>
        </div>
        <div className="stat">
          <span>{t("stats.rows")}</span>
          <strong>{count.format(analysis?.rows ?? dataset.rowCount)}</strong>
        </div>
        <div className="stat">
          <span>{t("stats.numeric")}</span>
          <strong>
            {count.format(analysis?.numeric ?? 0)} <small>({percent(analysis?.numericShare ?? null)})</small>
          </strong>
        </div>
        <div className="stat" data-testid="time-step">
          <span>{t("stats.step")}</span>
          <strong>{minutesText(analysis?.stepMinutes ?? null)}</strong>
        </div>
        <div className="stat">
          <span>{t("stats.offset")}</span>
          <strong>{analysis?.offsetMinutes === null || analysis?.offsetMinutes === undefined ? "–" : `${number.format(analysis.offsetMinutes)} min`}</strong>
        </div>
      </section>

      <h2>{t("chart.title")}</h2>
      <VersionCompare datasetId={dataset.id} columns={dataset.columns} start={analysis?.start ?? null} end={analysis?.end ?? null} parent={lineage.parent} />

      {derivation || lineage.children.length > 0 ? (
        <>
          <h2>{t("lineage.title")}</h2>
          <div className="panel report lineage" data-testid="lineage">
            {derivation ? (
              <>
                <p data-testid="lineage-parent">
                  {t("lineage.madeFrom")}{" "}
                  {lineage.parent ? <Link href={`/datasets/${lineage.parent.id}`}>{lineage.parent.name}</Link> : <span className="muted">{t("lineage.parentGone")}</span>}{" "}
                  <span className="muted">({t(`lineage.kind.${derivation.kind}`)})</span>
                </p>
                {derivation.kind === "recipe" ? <RecipeSteps recipe={derivation.recipe} reports={stepReports} /> : null}
                <details>
                  <summary>{t("lineage.json")}</summary>
                  <pre className="json-view" data-testid="lineage-json">
                    {JSON.stringify(derivation.kind === "recipe" ? derivation.recipe : derivation, null, 2)}
                  </pre>
                </details>
              </>
            ) : null}
            {lineage.children.length > 0 ? (
              <>
                <p>{t("lineage.children")}</p>
                <ul className="plain-list" data-testid="lineage-children">
                  {lineage.children.map((child) => (
                    <li key={child.id}>
                      <Link href={`/datasets/${child.id}`}>{child.name}</Link> <span className="muted">· <LocalTime iso={child.createdAt} /></span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        </>
      ) : null}

      <h2>{t("columns.title")}</h2>
      <div className="panel table-wrap">
        <table className="files data-table" data-testid="column-stats">
          <thead>
            <tr>
              <th>{t("columns.name")}</th>
              <th>{t("columns.unit")}</th>
              <th className="numeric">{t("columns.min")}</th>
              <th className="numeric">{t("columns.max")}</th>
              <th className="numeric">{t("columns.mean")}</th>
              <th className="numeric">{t("columns.missing")}</th>
              <th className="numeric">{t("columns.numericShare")}</th>
            </tr>
          </thead>
          <tbody>
            {(analysis?.columns ?? []).map((column) => (
              <tr key={column.name}>
                <td className="file-name">{column.name}</td>
                <td>{column.unit ?? "–"}</td>
                <td className="numeric">{value(column.min)}</td>
                <td className="numeric">{value(column.max)}</td>
                <td className="numeric">{value(column.mean)}</td>
                <td className="numeric">{count.format(column.missing)}</td>
                <td className="numeric">{percent(column.numericShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="two-columns">
        <section>
          <h2>{t("gaps.title", { count: analysis?.gapCount ?? 0 })}</h2>
          <div className="panel report" data-testid="gaps">
            {!analysis || analysis.gapCount === 0 ? (
              <p className="muted">{t("gaps.none")}</p>
            ) : (
              <>
                <ul className="plain-list">
                  {analysis.gaps.slice(0, 100).map((gap) => (
                    <li key={gap.from}>
                      <LocalTime iso={new Date(gap.from).toISOString()} /> → <LocalTime iso={new Date(gap.to).toISOString()} /> <span className="muted">({minutesText(gap.minutes)})</span>
                    </li>
                  ))}
                </ul>
                {analysis.gapCount > 100 ? <p className="muted">{t("gaps.more", { count: analysis.gapCount - 100 })}</p> : null}
              </>
            )}
          </div>
        </section>

        {report ? (
          <section>
            <h2>{t("report.title")}</h2>
            <div className="panel report" data-testid="import-report">
              <p>
                <strong>{t("report.summary", { imported: count.format(report.rowsImported), read: count.format(report.rowsRead) })}</strong>
                {report.rowsSkipped === 0 ? ` ${t("report.noneSkipped")}` : null}
              </p>
              {zoneChoice.success ? <ZoneChoiceLine choice={zoneChoice.data} /> : null}
              <ImportWarnings warnings={warnings} locale={locale} />
              {report.skipped.map((group) => (
                <div key={group.reason} className="report-group">
                  <p className="warn-text">{t("report.skipped", { count: group.count, reason: group.reason })}</p>
                  <Examples examples={group.examples} lineLabel={t("report.line")} />
                </div>
              ))}
              {report.textCells.map((cells) => (
                <div key={cells.column} className="report-group">
                  <p className="warn-text">{t("report.textCells", { count: cells.count, column: cells.column })}</p>
                  <Examples examples={cells.examples} lineLabel={t("report.line")} />
                </div>
              ))}
              {textCells === 0 && report.skipped.length === 0 && warnings.length === 0 ? <p className="muted">{t("report.clean")}</p> : null}
              {report.droppedColumns.length > 0 ? <p>{t("report.dropped", { columns: report.droppedColumns.join(", ") })}</p> : null}
              {report.timeMetadata?.length ? (
                <p data-testid="report-time-metadata">{t("report.timeMetadata", { columns: report.timeMetadata.map((column) => `${column.column} (${column.reason})`).join(", ") })}</p>
              ) : null}
              {report.dateOrder && report.dateOrder.decidedBy !== "unambiguous" ? (
                <p data-testid="report-date-order">
                  {t("report.dateOrder", { format: report.dateOrder.format, basis: t(`report.dateOrderBy.${DATE_ORDER_MESSAGE_KEY[report.dateOrder.decidedBy]}`) })}
                </p>
              ) : null}
              {report.repeatedLocalTimes > 0 ? <p>{t("report.repeated", { count: report.repeatedLocalTimes })}</p> : null}
              {report.blankLines > 0 ? <p className="muted">{t("report.blank", { count: report.blankLines })}</p> : null}
            </div>
          </section>
        ) : null}
      </div>

      <h2>{t("rows.title")}</h2>
      <DatasetRowsTable datasetId={dataset.id} total={dataset.rowCount} columns={dataset.columns} />
    </>
  );
}

function Examples({ examples, lineLabel }: { examples: { line: number; text: string }[]; lineLabel: string }) {
  if (examples.length === 0) return null;
  return (
    <ul className="examples">
      {examples.map((example) => (
        <li key={example.line}>
          <span className="muted">
            {lineLabel} {example.line}
          </span>{" "}
          <code>{example.text}</code>
        </li>
      ))}
    </ul>
  );
}
