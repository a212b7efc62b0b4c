"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { startTrainingRun } from "@/app/training/run-actions";
import { useSettingsSaveState } from "./settings-save-state";

/**
 * Starts a training run of the project with its saved settings; what is missing or wrong in
 * them comes back from the server, naming the field, and is shown beside the button. While
 * the settings editor has an edit not yet saved, it waits (a run trains the saved settings). Once
 * started, `onStarted` runs (by default the new run's page opens).
 */
export function TrainButton({ projectId, disabled = false, onStarted }: { projectId: string; disabled?: boolean; onStarted?: (runId: string) => void }) {
  const t = useTranslations("trainingRuns");
  const router = useRouter();
  const { unsaved } = useSettingsSaveState();
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const train = async () => {
    setStarting(true);
    setError(null);
    const outcome = await startTrainingRun(projectId);
    setStarting(false);
    if (outcome.ok) (onStarted ?? ((runId: string) => router.push(`/training/${projectId}/runs/${runId}`)))(outcome.runId);
    else setError(outcome.error);
  };

  return (
    <div className="train-button">
      <button type="button" className="button primary" disabled={disabled || unsaved || starting} onClick={() => void train()} data-testid="train">
        {disabled ? t("training") : unsaved ? t("waitForSave") : t("train")}
      </button>
      {error ? (
        <p className="notice error" role="alert" data-testid="train-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
