"use client";

import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};

/** Download links; the German Excel CSV is written in the browser's zone. */
export function DatasetDownloads({ datasetId }: { datasetId: string }) {
  const t = useTranslations("dataset.download");
  const zone = useSyncExternalStore(
    subscribeNever,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => "UTC",
  );
  const base = `/api/datasets/${datasetId}/download`;
  return (
    <div className="actions downloads" aria-label={t("title")}>
      <a className="button" href={`${base}?format=csv`} download data-testid="download-csv">
        {t("csv")}
      </a>
      <a className="button" href={`${base}?format=excel-de&tz=${encodeURIComponent(zone)}`} download data-testid="download-excel-de" title={t("excelHint", { zone })}>
        {t("excel")}
      </a>
      <a className="button" href={`${base}?format=arrow`} download data-testid="download-arrow">
        {t("arrow")}
      </a>
    </div>
  );
}
