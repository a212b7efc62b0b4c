"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import type { LiveTransport } from "@/lib/contracts/live-transport";
import { projectRunsSchema } from "@/lib/contracts/training-run";
import { fetchJson } from "./fetch-json";
import { useFetched } from "./hooks/use-fetched";
import { LocalTime } from "./local-time";
import { TrainButton } from "./train-button";
import { TrainingRunDetails } from "./training-run-details";
import { TrainingRunStatusBadge } from "./training-run-status";

/**
 * Training on the project page: "Train" runs the project's saved settings as a background
 * job; below, the latest run (live progress, then its leaderboard and charts) and the
 * earlier runs with links to their pages. The settings are checked on the server when the
 * run starts, against what was saved last, and what is missing is named there.
 */
export function TrainingRunsPanel({ projectId, transport }: { projectId: string; transport: LiveTransport }) {
  const t = useTranslations("trainingRuns");
  // Bumped to read the runs again (after starting one, and when a run's job ends).
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((current) => current + 1);
  const url = `/api/training-runs?projectId=${encodeURIComponent(projectId)}`;
  const { data: runs, error } = useFetched(async (signal) => projectRunsSchema.parse(await fetchJson(url, signal)), `${url}#${version}`);

  const latest = runs?.latest ?? null;
  const underWay = latest?.status === "queued" || latest?.status === "running";

  return (
    <section id="runs" className="training-runs" data-testid="training-runs">
      <div className="toolbar">
        <h2>{t("title")}</h2>
        <TrainButton projectId={projectId} disabled={underWay} onStarted={reload} />
      </div>
      {error ? (
        <p className="notice error" role="alert">
          {error}
        </p>
      ) : null}
      {latest ? (
        <>
          <p className="run-head">
            <TrainingRunStatusBadge status={latest.status} /> {t("started")} <LocalTime iso={latest.createdAt} /> ·{" "}
            <Link href={`/training/${projectId}/runs/${latest.id}`} data-testid="open-run">
              {t("open")}
            </Link>
          </p>
          <TrainingRunDetails key={latest.id} run={latest} transport={transport} onChanged={reload} />
        </>
      ) : runs ? (
        <p className="muted">{t("none")}</p>
      ) : null}
      {runs && runs.runs.length > 1 ? (
        <>
          <h3>{t("earlier")}</h3>
          <div className="panel table-wrap">
            <table className="files data-table" data-testid="earlier-runs">
              <thead>
                <tr>
                  <th>{t("started")}</th>
                  <th>{t("state")}</th>
                  <th className="numeric">{t("models")}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {runs.runs.slice(1).map((run) => (
                  <tr key={run.id}>
                    <td>
                      <LocalTime iso={run.createdAt} />
                    </td>
                    <td>
                      <TrainingRunStatusBadge status={run.status} />
                    </td>
                    <td className="numeric">{run.modelCount}</td>
                    <td>
                      <Link href={`/training/${projectId}/runs/${run.id}`}>{t("open")}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
