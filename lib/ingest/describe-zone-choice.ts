import type { ZoneChoice } from "@/lib/contracts/zone-choice";
import { FAMILY_NAMES } from "./dst-fingerprint";
import { fingerprintEvidence } from "./infer-zone";

/** One English line on the zone choice, for the CLI and logs (the UI has its own translated messages). */
export function describeZoneChoice(choice: ZoneChoice): string {
  const zone = `Times read in ${choice.zone}`;
  switch (choice.source) {
    case "option":
      return `${zone} — the zone given`;
    case "file-column":
      return `Times read per row from the zone column (${choice.evidence}), else in ${choice.zone}`;
    case "file-metadata":
      return `${zone} — the file says so ('${choice.evidence}')`;
    case "header":
      return `${zone} — the time column's header says so ('${choice.evidence}')`;
    case "dst-fingerprint": {
      const fingerprint = choice.fingerprint;
      const family = fingerprint?.family ? FAMILY_NAMES[fingerprint.family] : choice.zone;
      return `${zone} — DST pattern of ${family} found (${fingerprint ? fingerprintEvidence(fingerprint) : choice.evidence})`;
    }
    case "user-zone":
      return `${zone} — your time zone; the file does not say`;
    case "utc-default":
      return "Times read as UTC — the file does not say which zone";
  }
}
