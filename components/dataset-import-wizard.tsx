"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState, useTransition } from "react";
import { deleteImportProfile, saveImportProfile, startImport } from "@/app/datasets/actions";
import type { ImportProfileView } from "@/lib/contracts/import-profile";
import { uploadListSchema } from "@/lib/contracts/upload-view";
import { DATE_ORDER_MESSAGE_KEY } from "@/lib/ingest/decide-date-order";
import { detectLayout } from "@/lib/ingest/detect-layout";
import { DELIMITERS, ENCODINGS, TIME_KINDS, type ImportOptions } from "@/lib/ingest/import-options";
import type { Layout } from "@/lib/ingest/layout";
import { layoutChoices } from "@/lib/ingest/layout-choices";
import { previewImport, type ImportPreview } from "@/lib/ingest/preview-import";
import { decodeHead } from "@/lib/ingest/read-head";
import { ProgressBar } from "./progress-bar";
import { SeriesTableHead } from "./series-table-head";
import { ImportWarnings, ZoneChoiceLine } from "./zone-choice-line";

const RAW_LINES = 15;
const DELIMITER_KEYS = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" } as const;
const THOUSANDS = ["", ".", ",", " ", "'"] as const;
const QUOTES = ['"', "'"] as const;

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

interface Detection {
  sample: string;
  layout: Layout | null;
  preview: ImportPreview | null;
  error: string | null;
}

/** Runs the import core's detection and preview on the head, in the browser, with the user's choices. */
function detect(head: Uint8Array, complete: boolean, choices: ImportOptions): Detection {
  let sample = "";
  try {
    const decoded = decodeHead(head, choices.encoding);
    sample = decoded.sample;
    const layout = detectLayout(decoded.sample, { encoding: decoded.encoding, complete, options: choices });
    try {
      return { sample, layout, preview: previewImport(decoded.sample, layout, complete, 20), error: null };
    } catch (error) {
      return { sample, layout, preview: null, error: error instanceof Error ? error.message : String(error) };
    }
  } catch (error) {
    return { sample, layout: null, preview: null, error: error instanceof Error ? error.message : String(error) };
  }
}

const localTime = (ms: number, locale: string) =>
  new Date(ms).toLocaleString(locale, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });

/**
 * The import wizard: what detection found beside the raw first lines and the rows as they
 * will be imported; every choice can be changed and the preview follows at once.
 */
export function DatasetImportWizard({
  uploadId,
  headBase64,
  complete,
  initialProfiles,
}: {
  uploadId: string;
  headBase64: string;
  complete: boolean;
  initialProfiles: ImportProfileView[];
}) {
  const t = useTranslations("wizard");
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  const router = useRouter();
  const head = useMemo(() => fromBase64(headBase64), [headBase64]);
  const [choices, setChoices] = useState<ImportOptions>({});
  const [zones, setZones] = useState<string[]>([]);
  const [pending, startTransition] = useTransition();
  const [job, setJob] = useState<{ id: string; datasetId: string; progress: number; stage: string; message: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [profiles, setProfiles] = useState(initialProfiles);
  const [profileId, setProfileId] = useState("");
  const [profileName, setProfileName] = useState("");
  const [profileNotice, setProfileNotice] = useState<string | null>(null);

  // The browser's zone and language are the fallbacks for naive times (when the file does not show their zone) and the date order.
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const timer = setTimeout(() => {
      setChoices((current) => ({ userZone: zone, locale: navigator.language, ...current }));
      setZones(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [zone]);
    }, 0);
    return () => clearTimeout(timer);
  }, []);

  const detection = useMemo(() => detect(head, complete, choices), [head, complete, choices]);
  const layout = detection.layout;
  const set = (patch: Partial<ImportOptions>) => setChoices((current) => ({ ...current, ...patch }));
  const rawLines = detection.sample.replace(/^\uFEFF/, "").replace(/(\r\n|\n|\r)$/, "").split(/\r\n|\n|\r/).slice(0, RAW_LINES);

  // Follow the started job until the dataset exists, then open it.
  useEffect(() => {
    if (!job) return;
    let stopped = false;
    const poll = async () => {
      const response = await fetch("/api/files", { cache: "no-store" }).catch(() => null);
      if (stopped) return;
      if (response?.ok) {
        const upload = uploadListSchema.parse(await response.json()).uploads.find((candidate) => candidate.id === uploadId);
        const current = upload?.job?.id === job.id ? upload.job : null;
        if (current?.status === "succeeded") {
          router.push(`/datasets/${job.datasetId}`);
          return;
        }
        if (current?.status === "failed") {
          setError(current.message ?? t("failed"));
          setJob(null);
          return;
        }
        if (current) setJob((known) => (known ? { ...known, progress: current.progress, stage: current.stage, message: current.message } : known));
      }
      setTimeout(() => void poll(), 600);
    };
    void poll();
    return () => {
      stopped = true;
    };
    // Only a new job starts a new poll.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [job?.id]);

  const applyProfile = (id: string) => {
    setProfileId(id);
    const profile = profiles.find((candidate) => candidate.id === id);
    if (!profile) return;
    setProfileName(profile.name);
    setChoices({ locale: choices.locale, userZone: choices.userZone, ...profile.options });
    setProfileNotice(t("profileApplied", { name: profile.name }));
  };

  const saveProfile = () =>
    startTransition(async () => {
      if (!layout) return;
      const result = await saveImportProfile({ name: profileName, options: layoutChoices(layout) });
      if (!result.ok) {
        setProfileNotice(result.error);
        return;
      }
      setProfiles((all) => [...all.filter((profile) => profile.id !== result.profile.id), result.profile].sort((a, b) => a.name.localeCompare(b.name)));
      setProfileId(result.profile.id);
      setProfileNotice(t("profileSaved", { name: result.profile.name }));
    });

  const removeProfile = () =>
    startTransition(async () => {
      if (!profileId || !(await deleteImportProfile(profileId)).ok) return;
      setProfiles((all) => all.filter((profile) => profile.id !== profileId));
      setProfileId("");
      setProfileNotice(null);
    });

  const runImport = () =>
    startTransition(async () => {
      setError(null);
      const result = await startImport(uploadId, choices);
      if (result.ok) setJob({ id: result.jobId, datasetId: result.datasetId, progress: 0, stage: "queued", message: null });
      else setError(result.error);
    });

  const columnOptions = layout?.columns ?? [];
  const timeColumns = layout?.time.columns ?? [];
  const kind = layout?.time.kind ?? "combined";

  return (
    <div className="wizard">
      <section className="panel wizard-form" aria-label={t("choices")}>
        <h2>{t("choices")}</h2>
        <div className="profile-bar" data-testid="profiles">
          <label>
            {t("profile")}
            <select value={profileId} onChange={(event) => applyProfile(event.target.value)} data-testid="profile-select">
              <option value="">{t("noProfile")}</option>
              {profiles.map((profile) => (
                <option key={profile.id} value={profile.id}>
                  {profile.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("profileName")}
            <input value={profileName} maxLength={100} placeholder={t("profilePlaceholder")} onChange={(event) => setProfileName(event.target.value)} data-testid="profile-name" />
          </label>
          <div className="actions">
            <button type="button" className="button" onClick={saveProfile} disabled={pending || !layout || !profileName.trim()} data-testid="profile-save">
              {t("saveProfile")}
            </button>
            {profileId ? (
              <button type="button" className="button danger" onClick={removeProfile} disabled={pending}>
                {t("deleteProfile")}
              </button>
            ) : null}
          </div>
          {profileNotice ? (
            <p className="muted" role="status" data-testid="profile-notice">
              {profileNotice}
            </p>
          ) : null}
        </div>
        {layout?.time.ambiguity ? (
          <div className="notice" data-testid="ambiguity">
            <strong>{t("ambiguous")}</strong> {layout.time.ambiguity.message}
            {layout.time.dateOrderBy !== "unambiguous" ? (
              <p className="muted" data-testid="date-order-basis">
                {t(`dateOrderBy.${DATE_ORDER_MESSAGE_KEY[layout.time.dateOrderBy]}`)}
              </p>
            ) : null}
            <div className="actions ambiguity-choices">
              {layout.time.ambiguity.alternatives.map((format) => (
                <button
                  key={format}
                  type="button"
                  className={format === layout.time.format ? "button primary" : "button"}
                  onClick={() => set({ timeFormat: format })}
                  aria-pressed={format === layout.time.format}
                >
                  {t("readAs", { format })}
                </button>
              ))}
            </div>
          </div>
        ) : null}
        {layout?.notes.filter((note) => note !== layout.time.ambiguity?.message).map((note) => (
          <p key={note} className="notice">
            {note}
          </p>
        ))}
        <div className="form-grid">
          <label>
            {t("encoding")}
            <select value={layout?.encoding ?? choices.encoding ?? ""} onChange={(event) => set({ encoding: event.target.value as ImportOptions["encoding"] })} data-testid="encoding">
              {ENCODINGS.map((encoding) => (
                <option key={encoding} value={encoding}>
                  {encoding}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("delimiter")}
            <select value={layout?.delimiter ?? choices.delimiter ?? ","} onChange={(event) => set({ delimiter: event.target.value as ImportOptions["delimiter"] })} data-testid="delimiter">
              {DELIMITERS.map((delimiter) => (
                <option key={delimiter} value={delimiter}>
                  {t(`delimiters.${DELIMITER_KEYS[delimiter]}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("decimal")}
            <select value={layout?.decimal ?? "."} onChange={(event) => set({ decimal: event.target.value as "." | "," })} data-testid="decimal">
              <option value=".">{t("decimalPoint")}</option>
              <option value=",">{t("decimalComma")}</option>
            </select>
          </label>
          <label>
            {t("thousands")}
            <select value={layout?.thousands ?? ""} onChange={(event) => set({ thousands: event.target.value as ImportOptions["thousands"] })}>
              {THOUSANDS.map((mark) => (
                <option key={mark} value={mark}>
                  {mark === "" ? t("none") : mark === " " ? t("space") : mark}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("quote")}
            <select value={layout?.quote ?? '"'} onChange={(event) => set({ quote: event.target.value })} data-testid="quote">
              {QUOTES.map((quote) => (
                <option key={quote} value={quote}>
                  {quote === '"' ? t("doubleQuote") : t("singleQuote")}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("skipLines")}
            <input type="number" min={0} value={layout?.skipLines ?? 0} onChange={(event) => set({ skipLines: Math.max(0, Number(event.target.value) || 0) })} />
          </label>
          <label className="check">
            <input type="checkbox" checked={layout?.headerRow ?? true} onChange={(event) => set({ headerRow: event.target.checked })} data-testid="header-row" /> {t("headerRow")}
          </label>
          <label className="check">
            <input type="checkbox" checked={layout?.unitsRow ?? false} onChange={(event) => set({ unitsRow: event.target.checked })} data-testid="units-row" /> {t("unitsRow")}
          </label>
          <label>
            {t("timeKind")}
            <select value={kind} onChange={(event) => set({ timeKind: event.target.value as ImportOptions["timeKind"], timeFormat: undefined })}>
              {TIME_KINDS.map((option) => (
                <option key={option} value={option}>
                  {t(`kinds.${option}`)}
                </option>
              ))}
            </select>
          </label>
          {(kind === "dateTime" ? [0, 1] : [0]).map((slot) => (
            <label key={slot}>
              {kind === "dateTime" ? t(slot === 0 ? "dateColumn" : "timeColumn") : t("timeColumnSingle")}
              <select
                value={timeColumns[slot] ?? ""}
                onChange={(event) => {
                  const next = [...timeColumns];
                  next[slot] = Number(event.target.value);
                  set({ timeColumns: kind === "dateTime" ? next.slice(0, 2) : [next[0]], timeFormat: undefined });
                }}
              >
                {columnOptions.map((column) => (
                  <option key={column.index} value={column.index}>
                    {column.name || `#${column.index + 1}`}
                  </option>
                ))}
              </select>
            </label>
          ))}
          {kind === "combined" || kind === "dateTime" ? (
            <label>
              {t("timeFormat")}
              <input
                value={choices.timeFormat ?? layout?.time.format ?? ""}
                onChange={(event) => set({ timeFormat: event.target.value.length >= 2 ? event.target.value : undefined })}
                spellCheck={false}
                data-testid="time-format"
              />
            </label>
          ) : null}
          <label>
            {t("timezone")}
            <input
              list="wizard-zones"
              value={choices.timezone ?? layout?.zone?.zone ?? ""}
              onChange={(event) => {
                const zone = event.target.value;
                if (zones.includes(zone) || zone === "UTC") set({ timezone: zone });
                else setChoices((current) => ({ ...current, timezone: zone }));
              }}
              data-testid="timezone"
            />
            <datalist id="wizard-zones">
              {zones.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
          </label>
          {layout ? <ZoneChoiceLine choice={layout.zone} className="wide muted" /> : null}
          <label>
            {t("dateOrder")}
            <select value={choices.dateOrder ?? ""} onChange={(event) => set({ dateOrder: (event.target.value || undefined) as ImportOptions["dateOrder"] })}>
              <option value="">{t("dateOrderAuto")}</option>
              <option value="dayFirst">{t("dayFirst")}</option>
              <option value="monthFirst">{t("monthFirst")}</option>
            </select>
          </label>
          <label>
            {t("missing")}
            <input
              placeholder="-999, ---"
              value={(choices.missing ?? []).join(", ")}
              onChange={(event) => set({ missing: event.target.value.split(",").map((token) => token.trim()).filter(Boolean) })}
            />
          </label>
        </div>
        <fieldset className="value-columns">
          <legend>{t("valueColumns")}</legend>
          {columnOptions
            .filter((column) => !timeColumns.includes(column.index))
            .map((column) => (
              <label key={column.index} className="column-choice">
                <input
                  type="checkbox"
                  checked={layout?.valueColumns.includes(column.index) ?? false}
                  onChange={(event) => {
                    const current = layout?.valueColumns ?? [];
                    const next = event.target.checked ? [...current, column.index].sort((a, b) => a - b) : current.filter((index) => index !== column.index);
                    if (next.length > 0) set({ valueColumns: next });
                  }}
                />
                {column.name || `#${column.index + 1}`}
                {column.unit ? <span className="unit"> [{column.unit}]</span> : null}
              </label>
            ))}
        </fieldset>
        <div className="actions wizard-actions">
          <button type="button" className="button" onClick={() => setChoices({ userZone: choices.userZone, locale: choices.locale })} disabled={!!job}>
            {t("reset")}
          </button>
          <button type="button" className="button primary" onClick={runImport} disabled={pending || !!job || !detection.preview} data-testid="wizard-import">
            {t("import")}
          </button>
        </div>
        {job ? <ProgressBar value={job.progress} label={t("progress")} text={`${job.stage} · ${Math.round(job.progress * 100)}%${job.message ? ` · ${job.message}` : ""}`} /> : null}
        {error ? <p className="error-text">{error}</p> : null}
      </section>

      <section className="wizard-preview">
        <h2>{t("raw")}</h2>
        <pre className="panel raw-lines" data-testid="raw-lines">
          {rawLines.map((line, index) => (
            <div key={index}>
              <span className="line-number">{index + 1}</span>
              {line}
            </div>
          ))}
        </pre>
        <h2>{t("parsed")}</h2>
        {detection.error ? (
          <p className="notice error" data-testid="wizard-error">
            {detection.error}
          </p>
        ) : null}
        {detection.preview ? (
          <div className="panel table-wrap">
            <table className="files data-table" data-testid="parsed-preview">
              <SeriesTableHead timeLabel={t("time")} columns={detection.preview.frame.columns} />
              <tbody>
                {Array.from(detection.preview.frame.time, (time, row) => (
                  <tr key={row}>
                    <td className="numeric">{localTime(time, locale)}</td>
                    {detection.preview!.frame.columns.map((column) => (
                      <td key={column.name} className="numeric">
                        {Number.isNaN(column.values[row]) ? <span className="muted">–</span> : number.format(column.values[row])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {detection.preview ? (
          <div className="report">
            <p className="muted">
              {t("sampleReport", { imported: detection.preview.report.rowsImported, read: detection.preview.report.rowsRead })}
            </p>
            {detection.preview.report.skipped.map((group) => (
              <p key={group.reason} className="warn-text">
                {t("sampleSkipped", { count: group.count, reason: group.reason, line: group.examples[0]?.line ?? "?" })}
              </p>
            ))}
            {detection.preview.report.droppedColumns.length > 0 ? <p className="muted">{t("dropped", { columns: detection.preview.report.droppedColumns.join(", ") })}</p> : null}
            <ImportWarnings warnings={detection.preview.report.warnings} locale={locale} />
            {detection.preview.report.timeMetadata?.length ? (
              <p className="muted" data-testid="time-metadata">
                {t("timeMetadata", { columns: detection.preview.report.timeMetadata.map((column) => `${column.column} (${column.reason})`).join(", ") })}
              </p>
            ) : null}
          </div>
        ) : null}
      </section>
    </div>
  );
}
