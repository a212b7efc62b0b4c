"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { rowsPageSchema, type DatasetColumnView } from "@/lib/contracts/dataset-view";
import { fetchJson } from "./fetch-json";
import { useFetched } from "./hooks/use-fetched";
import { SeriesTableHead } from "./series-table-head";

const PAGE_SIZES = [25, 50, 100, 500];

const localTime = (ms: number, locale: string) =>
  new Date(ms).toLocaleString(locale, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** The dataset's rows, a page at a time from the rows route; times in the browser's zone. */
export function DatasetRowsTable({ datasetId, total, columns }: { datasetId: string; total: number; columns: DatasetColumnView[] }) {
  const t = useTranslations("dataset.rows");
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  const [offset, setOffset] = useState(0);
  const [limit, setLimit] = useState(50);
  const url = `/api/datasets/${datasetId}/rows?offset=${offset}&limit=${limit}`;
  const { data: page, error } = useFetched(async (signal) => rowsPageSchema.parse(await fetchJson(url, signal)), url);

  const last = Math.max(0, Math.floor((total - 1) / limit) * limit);
  const shownTo = Math.min(total, offset + limit);
  return (
    <div className="panel table-wrap" data-testid="rows-table">
      <div className="table-tools">
        <span>{t("range", { from: total === 0 ? 0 : offset + 1, to: shownTo, total })}</span>
        <div className="actions">
          <label className="inline-label">
            {t("perPage")}{" "}
            <select
              value={limit}
              onChange={(event) => {
                setLimit(Number(event.target.value));
                setOffset(0);
              }}
            >
              {PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button" disabled={offset === 0} onClick={() => setOffset(0)}>
            {t("first")}
          </button>
          <button type="button" className="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - limit))}>
            {t("previous")}
          </button>
          <button type="button" className="button" disabled={shownTo >= total} onClick={() => setOffset(offset + limit)}>
            {t("next")}
          </button>
          <button type="button" className="button" disabled={shownTo >= total} onClick={() => setOffset(last)}>
            {t("last")}
          </button>
        </div>
      </div>
      {error ? <p className="error-text">{error}</p> : null}
      <table className="files data-table">
        <SeriesTableHead timeLabel={t("time")} columns={columns} />
        <tbody>
          {page?.time.map((time, row) => (
            <tr key={page.offset + row}>
              <td className="numeric">{localTime(time, locale)}</td>
              {page.values.map((values, c) => (
                <td key={c} className="numeric">
                  {values[row] === null ? <span className="muted">–</span> : number.format(values[row]!)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
