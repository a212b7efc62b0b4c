"use client";

import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { saveTrainingConfig } from "@/app/training/actions";
import { samplePreviewConfigSchema, type ProjectConfigDraft, type SamplePreview } from "@/lib/contracts/training-project";
import { configFieldErrors } from "@/lib/train/config-field-errors";
import type { HolidayRegion } from "@/lib/train/holiday-regions";
import { describeConfigError } from "@/lib/train/training-config";
import { ConfigNumberField } from "./config-number-field";
import { useConfigDraft, valueAt, type DraftPath } from "./hooks/use-config-draft";
import { LocalTime } from "./local-time";
import { TrainingModelsEditor } from "./training-models-editor";
import { TrainingSamplePreview, type PreviewState } from "./training-sample-preview";
import { TrainingSeriesTable, type DatasetChoice } from "./training-series-table";
import { useSettingsSaveState } from "./settings-save-state";

const SAVE_AFTER_MS = 600;
const PHASES = ["year", "month", "week", "day"] as const;
const FRACTIONS = ["train", "validation", "test"] as const;

type SaveState = { status: "saved"; at: string } | { status: "saving" } | { status: "error"; message: string };

/** `2017-06-26T00:00` (a datetime-local value, read as UTC) ⇄ `2017-06-26T00:00:00Z`. */
const toIso = (local: string) => (local ? `${local}:00Z` : "");
const fromIso = (iso: unknown) => (typeof iso === "string" ? iso.slice(0, 16) : "");

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

// The browser's list of time zones for the zone field (the server's may differ, so it renders none).
const subscribeNever = () => () => {};
let zones: string[] | null = null;
const browserZones = () => (zones ??= Intl.supportedValuesOf("timeZone"));
const NO_ZONES: string[] = [];

/**
 * The project's settings form. Every change is checked against the training config schema
 * (messages next to the fields) and saved shortly after the last edit; once saved, the
 * sample preview is computed again on the server from the saved settings.
 */
export function TrainingProjectEditor({
  projectId,
  initialConfig,
  savedAt,
  datasets,
  holidayRegions,
}: {
  projectId: string;
  initialConfig: ProjectConfigDraft;
  savedAt: string;
  datasets: DatasetChoice[];
  holidayRegions: HolidayRegion[];
}) {
  const t = useTranslations("training");
  const { draft, set } = useConfigDraft(initialConfig);
  const errors = useMemo(() => configFieldErrors(draft), [draft]);
  const saveFailed = t("saveFailed");
  const previewFailed = t("preview.failed");

  // The last saved settings (what the preview shows) and a failed save of the current ones.
  const [saved, setSaved] = useState<{ draft: unknown; at: string }>({ draft: initialConfig, at: savedAt });
  const [saveError, setSaveError] = useState<{ draft: unknown; message: string } | null>(null);
  const save: SaveState = draft === saved.draft ? { status: "saved", at: saved.at } : saveError?.draft === draft ? { status: "error", message: saveError.message } : { status: "saving" };

  useEffect(() => {
    if (draft === saved.draft) return;
    const timer = setTimeout(async () => {
      const result = await saveTrainingConfig({ projectId, config: draft }).catch(() => ({ ok: false as const, error: saveFailed }));
      if (result.ok) setSaved({ draft, at: result.updatedAt });
      else setSaveError({ draft, message: result.error });
    }, SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [draft, saved.draft, projectId, saveFailed]);

  // Train waits for the autosave: a run trains the saved settings.
  const { setUnsaved } = useSettingsSaveState();
  useEffect(() => setUnsaved(save.status !== "saved"), [save.status, setUnsaved]);

  // Leaving with an edit not yet saved: the browser asks first.
  useEffect(() => {
    if (save.status === "saved") return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [save.status]);

  // The preview of the saved settings: computed on the server once they are complete.
  // A model's hyperparameters do not change the samples: only the kinds (and a seasonal period) are looked at.
  const savedCheck = useMemo(() => samplePreviewConfigSchema.safeParse(saved.draft), [saved.draft]);
  const previewKey = useMemo(
    () =>
      savedCheck.success
        ? JSON.stringify({ ...savedCheck.data, models: savedCheck.data.models.map((model) => ({ kind: valueAt(model, ["kind"]), periodHours: valueAt(model, ["periodHours"]) })) })
        : null,
    [savedCheck],
  );
  const [fetched, setFetched] = useState<{ for: string; preview: SamplePreview | null; error?: string } | null>(null);
  useEffect(() => {
    if (previewKey === null) return;
    const controller = new AbortController();
    const forKey = previewKey;
    fetch(`/api/training/projects/${projectId}/samples`, { cache: "no-store", signal: controller.signal })
      .then(async (response) => {
        const body = (await response.json()) as SamplePreview & { error?: string };
        setFetched((last) => (response.ok ? { for: forKey, preview: body } : { for: forKey, preview: last?.preview ?? null, error: body.error ?? response.statusText }));
      })
      .catch(() => {
        if (!controller.signal.aborted) setFetched((last) => ({ for: forKey, preview: last?.preview ?? null, error: previewFailed }));
      });
    return () => controller.abort();
  }, [previewKey, projectId, previewFailed]);
  const preview: PreviewState = !savedCheck.success
    ? { status: "incomplete", message: describeConfigError(savedCheck.error) }
    : !fetched || fetched.for !== previewKey
      ? { status: "loading", last: fetched?.preview ?? null }
      : fetched.error !== undefined
        ? { status: "error", message: fetched.error, last: fetched.preview }
        : { status: "ready", preview: fetched.preview! };

  const get = (...path: DraftPath) => valueAt(draft, path);
  const list = (...path: DraftPath) => {
    const value = get(...path);
    return Array.isArray(value) ? (value as unknown[]) : [];
  };
  const isDateSplit = typeof get("split") === "object" && get("split") !== null && "validationFrom" in (get("split") as object);
  const holidays = get("timeFeatures", "holidays") as { country?: string; state?: string } | null | undefined;
  const states = holidayRegions.find((region) => region.code === holidays?.country)?.states ?? [];
  const local = get("timeFeatures", "local") === true;
  const problems = preview.status === "ready" ? preview.preview.modelProblems : [];
  const zoneList = useSyncExternalStore(subscribeNever, browserZones, () => NO_ZONES);

  return (
    <div className="project-editor">
      <div className={`save-state ${save.status}`} data-testid="save-state" data-status={save.status} role="status">
        {save.status === "saved" ? (
          <>
            {t("saved")} <LocalTime iso={save.at} />
          </>
        ) : save.status === "error" ? (
          t("notSaved", { error: save.message })
        ) : (
          t("saving")
        )}
      </div>

      <section className="panel config-section">
        <h2>{t("sections.series")}</h2>
        <TrainingSeriesTable role="inputs" series={list("inputs")} datasets={datasets} errors={errors} showScaleRange={get("scaling") === "minmax"} onChange={set} />
        <TrainingSeriesTable role="outputs" series={list("outputs")} datasets={datasets} errors={errors} showScaleRange={get("scaling") === "minmax"} onChange={set} />
      </section>

      <div className="config-columns">
        <section className="panel config-section">
          <h2>{t("sections.steps")}</h2>
          <p className="muted hint">{t("steps.hint")}</p>
          <div className="form-grid">
            {(["inputSteps", "outputSteps", "stepMinutes", "offsetMinutes"] as const).map((field) => (
              <ConfigNumberField key={field} label={t(`steps.${field}`)} value={get("steps", field)} onChange={(value) => set(["steps", field], value)} error={errors[`steps.${field}`]} testId={`steps-${field}`} />
            ))}
          </div>
        </section>

        <section className="panel config-section">
          <h2>{t("sections.timeFeatures")}</h2>
          <div className="form-grid">
            {PHASES.map((phase) => (
              <label className="check" key={phase}>
                <input type="checkbox" checked={get("timeFeatures", phase) === true} onChange={(event) => set(["timeFeatures", phase], event.target.checked)} />
                {t(`timeFeatures.${phase}`)}
              </label>
            ))}
            <label>
              {t("timeFeatures.form")}
              <select value={String(get("timeFeatures", "form") ?? "reference")} onChange={(event) => set(["timeFeatures", "form"], event.target.value)}>
                <option value="reference">{t("timeFeatures.forms.reference")}</option>
                <option value="window">{t("timeFeatures.forms.window")}</option>
              </select>
            </label>
            <label>
              {t("timeFeatures.clock")}
              <select
                value={local ? "local" : "utc"}
                onChange={(event) => {
                  const toLocal = event.target.value === "local";
                  set(["timeFeatures", "local"], toLocal);
                  set(["timeFeatures", "timezone"], toLocal ? browserZone() : "UTC");
                }}
              >
                <option value="utc">{t("timeFeatures.utc")}</option>
                <option value="local">{t("timeFeatures.local")}</option>
              </select>
            </label>
            {local ? (
              <label className={errors["timeFeatures.timezone"] ? "invalid" : undefined}>
                {t("timeFeatures.timezone")}
                <input value={String(get("timeFeatures", "timezone") ?? "")} onChange={(event) => set(["timeFeatures", "timezone"], event.target.value)} list="time-zones" />
                {errors["timeFeatures.timezone"] ? <span className="field-error">{errors["timeFeatures.timezone"]}</span> : null}
              </label>
            ) : null}
            <label className="check wide">
              <input
                type="checkbox"
                checked={Boolean(holidays)}
                onChange={(event) => set(["timeFeatures", "holidays"], event.target.checked ? { country: "DE" } : null)}
                data-testid="holidays"
              />
              {t("timeFeatures.holidays")}
            </label>
            {holidays ? (
              <>
                <label>
                  {t("timeFeatures.country")}
                  <select value={holidays.country ?? ""} onChange={(event) => set(["timeFeatures", "holidays"], { country: event.target.value })} data-testid="holiday-country">
                    {holidayRegions.map((region) => (
                      <option key={region.code} value={region.code}>
                        {region.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t("timeFeatures.state")}
                  <select value={holidays.state ?? ""} onChange={(event) => set(["timeFeatures", "holidays", "state"], event.target.value || undefined)} disabled={states.length === 0}>
                    <option value="">{t("timeFeatures.wholeCountry")}</option>
                    {states.map((state) => (
                      <option key={state.code} value={state.code}>
                        {state.name}
                      </option>
                    ))}
                  </select>
                </label>
              </>
            ) : null}
          </div>
          <datalist id="time-zones">
            {zoneList.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </section>
      </div>

      <section className="panel config-section">
        <h2>{t("sections.split")}</h2>
        <div className="form-grid split-grid">
          <label>
            {t("scaling.label")}
            <select value={String(get("scaling") ?? "minmax")} onChange={(event) => set(["scaling"], event.target.value)} data-testid="scaling">
              {(["none", "minmax", "standard"] as const).map((scaling) => (
                <option key={scaling} value={scaling}>
                  {t(`scaling.${scaling}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("split.mode")}
            <select
              value={isDateSplit ? "dates" : "fractions"}
              onChange={(event) =>
                set(["split"], event.target.value === "dates" ? { validationFrom: "", testFrom: "" } : { train: 0.7, validation: 0.2, test: 0.1, shuffle: false, seed: 1 })
              }
              data-testid="split-mode"
            >
              <option value="fractions">{t("split.fractions")}</option>
              <option value="dates">{t("split.dates")}</option>
            </select>
          </label>
          {isDateSplit ? (
            (["validationFrom", "testFrom", "until"] as const).map((field) => (
              <label key={field} className={errors[`split.${field}`] ? "invalid" : undefined}>
                {t(`split.${field}`)}
                <input
                  type="datetime-local"
                  value={fromIso(get("split", field))}
                  onChange={(event) => set(["split", field], field === "until" && !event.target.value ? undefined : toIso(event.target.value))}
                  data-testid={`split-${field}`}
                />
                {errors[`split.${field}`] ? <span className="field-error">{errors[`split.${field}`]}</span> : null}
              </label>
            ))
          ) : (
            <>
              {FRACTIONS.map((field) => (
                <ConfigNumberField key={field} label={t(`split.${field}`)} value={get("split", field)} onChange={(value) => set(["split", field], value)} error={errors[`split.${field}`]} />
              ))}
              <label className="check">
                <input type="checkbox" checked={get("split", "shuffle") === true} onChange={(event) => set(["split", "shuffle"], event.target.checked)} />
                {t("split.shuffle")}
              </label>
              {get("split", "shuffle") === true ? <ConfigNumberField label={t("split.seed")} value={get("split", "seed")} onChange={(value) => set(["split", "seed"], value)} error={errors["split.seed"]} /> : null}
            </>
          )}
        </div>
        <p className="muted hint">{isDateSplit ? t("split.datesHint") : t("split.fractionsHint")}</p>
      </section>

      <section className="panel config-section">
        <h2>{t("sections.models")}</h2>
        <TrainingModelsEditor models={list("models")} errors={errors} problems={problems} onChange={set} />
      </section>

      <TrainingSamplePreview state={preview} />
    </div>
  );
}
