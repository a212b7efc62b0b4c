"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { DatasetColumnView } from "@/lib/contracts/dataset-view";
import { SeriesChart } from "./series-chart";

/** The dataset's chart, optionally overlaid with its parent version ("Compare versions"). */
export function VersionCompare({
  datasetId,
  columns,
  start,
  end,
  parent,
}: {
  datasetId: string;
  columns: DatasetColumnView[];
  start: number | null;
  end: number | null;
  parent: { id: string; name: string } | null;
}) {
  const t = useTranslations("dataset.lineage");
  const [comparing, setComparing] = useState(false);
  return (
    <>
      {parent ? (
        <label className="column-choice compare-toggle">
          <input type="checkbox" checked={comparing} onChange={(event) => setComparing(event.target.checked)} data-testid="compare-versions" />
          {t("compare", { name: parent.name })}
        </label>
      ) : null}
      <SeriesChart datasetId={datasetId} columns={columns} start={start} end={end} compareWith={comparing && parent ? { datasetId: parent.id, label: parent.name } : undefined} />
    </>
  );
}
