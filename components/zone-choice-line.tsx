import { useTranslations } from "next-intl";
import type { DstFamily, DstFingerprint, ZoneChoice, ZoneSource } from "@/lib/contracts/zone-choice";
import type { ImportWarning } from "@/lib/ingest/import-report";

const SOURCE_KEYS = {
  option: "option",
  "file-column": "fileColumn",
  "file-metadata": "fileMetadata",
  header: "header",
  "dst-fingerprint": "dstFingerprint",
  "user-zone": "userZone",
  "utc-default": "utcDefault",
} as const satisfies Record<ZoneSource, string>;

const FAMILY_KEYS = {
  "western-european": "westernEuropean",
  "central-european": "centralEuropean",
  "eastern-european": "easternEuropean",
  "north-american": "northAmerican",
} as const satisfies Record<DstFamily, string>;

/** The family's name (or the zone's, outside the known families) and the changes found, in the UI language. */
function useFingerprintText() {
  const t = useTranslations("zoneChoice");
  return (fingerprint: DstFingerprint) => ({
    family: fingerprint.family ? t(`family.${FAMILY_KEYS[fingerprint.family]}`) : fingerprint.zone,
    changes: [...fingerprint.gaps.map((interval) => t("gap", { interval })), ...fingerprint.repeats.map((interval) => t("repeat", { interval }))].join(", "),
  });
}

/**
 * One line: the zone naive times are read in and why ("Times read in Europe/Berlin — DST
 * pattern of … found (gap …, repeat …)"); null = the times are instants (epoch values or
 * values with offsets).
 */
export function ZoneChoiceLine({ choice, className }: { choice: ZoneChoice | null; className?: string }) {
  const t = useTranslations("zoneChoice");
  const fingerprintText = useFingerprintText();
  if (!choice) return <p className={className} data-testid="zone-choice">{t("offsets")}</p>;
  const fingerprint = choice.fingerprint ? fingerprintText(choice.fingerprint) : { family: choice.zone, changes: choice.evidence };
  return (
    <p className={className} data-testid="zone-choice" data-zone={choice.zone} data-source={choice.source}>
      {t(`source.${SOURCE_KEYS[choice.source]}`, { zone: choice.zone, evidence: choice.evidence, ...fingerprint })}
    </p>
  );
}

/** The import's warnings, one line each. */
export function ImportWarnings({ warnings, locale }: { warnings: readonly ImportWarning[]; locale: string }) {
  const t = useTranslations("zoneChoice");
  const fingerprintText = useFingerprintText();
  return warnings.map((warning, index) => (
    <p key={index} className="warn-text" data-testid="import-warning">
      {warning.kind === "zone-contradiction"
        ? t("warning.zoneContradiction", { zone: warning.zone, ...fingerprintText(warning.fingerprint) })
        : t("warning.duplicateTimestamps", { count: warning.count, first: new Date(warning.first).toLocaleString(locale, { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" }) + " UTC" })}
    </p>
  ));
}
