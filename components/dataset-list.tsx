"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useState } from "react";
import type { DatasetSummary } from "@/lib/contracts/dataset-view";
import { formatBytes } from "@/lib/format/format-bytes";
import { LocalTime } from "./local-time";

/** The user's datasets (imported and derived), read again whenever `refreshKey` changes (an import finished). */
export function DatasetList({ refreshKey }: { refreshKey: string }) {
  const t = useTranslations("dataset.list");
  const locale = useLocale();
  const [datasets, setDatasets] = useState<DatasetSummary[] | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/datasets", { cache: "no-store", signal: controller.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { datasets: DatasetSummary[] } | null) => {
        if (body) setDatasets(body.datasets);
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [refreshKey]);

  return (
    <>
      <div className="toolbar">
        <h2>{t("title")}</h2>
      </div>
      <div className="panel table-wrap" data-testid="dataset-list">
        {datasets === null ? (
          <div className="empty">…</div>
        ) : datasets.length === 0 ? (
          <div className="empty">{t("empty")}</div>
        ) : (
          <table className="files">
            <thead>
              <tr>
                <th>{t("name")}</th>
                <th className="numeric">{t("rows")}</th>
                <th>{t("columns")}</th>
                <th>{t("range")}</th>
                <th className="numeric">{t("size")}</th>
              </tr>
            </thead>
            <tbody>
              {datasets.map((dataset) => (
                <tr key={dataset.id} data-dataset-row={dataset.name}>
                  <td>
                    <Link className="file-name" href={`/datasets/${dataset.id}`}>
                      {dataset.name}
                    </Link>
                    <div className="file-meta">
                      {dataset.derivationKind ? t(`made.${dataset.derivationKind}`, { parent: dataset.parentName ?? "?" }) : t("imported")} · <LocalTime iso={dataset.createdAt} />
                    </div>
                  </td>
                  <td className="numeric">{dataset.rowCount.toLocaleString(locale)}</td>
                  <td>{dataset.columns.map((column) => (column.unit ? `${column.name} [${column.unit}]` : column.name)).join(", ")}</td>
                  <td className="numeric">
                    {dataset.start && dataset.end ? (
                      <>
                        <LocalTime iso={dataset.start} /> → <LocalTime iso={dataset.end} />
                      </>
                    ) : (
                      "–"
                    )}
                  </td>
                  <td className="numeric">{formatBytes(dataset.sizeBytes, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}
