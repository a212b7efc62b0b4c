import { DST_FAMILIES, type DstFamily, type DstFingerprint } from "@/lib/contracts/zone-choice";
import { ZoneOffset } from "./zone-offset";
import { zoneTransitions } from "./zone-transitions";

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/** The zone whose changes stand for each family; any zone with the same local changes is a member. */
export const FAMILY_ZONES: Readonly<Record<DstFamily, string>> = {
  "western-european": "Europe/Lisbon",
  "central-european": "Europe/Berlin",
  "eastern-european": "Europe/Helsinki",
  "north-american": "America/New_York",
};

export const FAMILY_NAMES: Readonly<Record<DstFamily, string>> = {
  "western-european": "Western European Time",
  "central-european": "Central European Time",
  "eastern-european": "Eastern European Time",
  "north-american": "the US rule (Eastern, Central, Mountain or Pacific Time)",
};

/**
 * A local interval where a zone's clock jumps: `gap` [start, end) does not exist (spring),
 * `repeat` [start, end) occurs twice (autumn). Rows are counted in the interval and in the
 * intervals of the same length just before and after it.
 */
interface ChangeWindow {
  kind: "gap" | "repeat";
  start: number;
  end: number;
  before: number;
  inside: number;
  after: number;
}

interface Candidate {
  zone: string;
  offsets: ZoneOffset;
  windows: ChangeWindow[];
}

type Verdict = "match" | "contradiction" | "unknown";

const NO_WINDOWS: ChangeWindow[] = [];

function formatInterval(window: ChangeWindow): string {
  const start = new Date(window.start).toISOString();
  const last = new Date(window.end - MS_PER_MINUTE).toISOString();
  return `${start.slice(0, 10)} ${start.slice(11, 16)}–${last.slice(11, 16)}`;
}

/**
 * What one change window says about the data: a spring gap matches when the hour is empty
 * while the same span on both sides holds a similar number of rows, and contradicts when it
 * holds about as many rows as they do; an autumn repeat matches when it holds at least one
 * and a half times as many rows as its neighbours. A repeat not seen says nothing (some
 * loggers overwrite the repeated hour), nor does a window the data does not surround.
 */
function verdict(window: ChangeWindow): Verdict {
  const { before, inside, after } = window;
  if (before === 0 || after === 0 || Math.min(before, after) * 2 < Math.max(before, after)) return "unknown";
  const around = (before + after) / 2;
  if (window.kind === "gap") {
    if (inside === 0) return "match";
    return inside * 2 >= around ? "contradiction" : "unknown";
  }
  return inside >= 1.5 * around ? "match" : "unknown";
}

/**
 * Collects the DST fingerprint of naive wall-clock times (ms "as if UTC", in any order): for
 * the known families and any extra zones, the rows around each of their changes in the years
 * the data covers (from Intl, year by year as they appear). Cheap per row: one day lookup.
 */
export class DstFingerprintCollector {
  private readonly candidates: Candidate[];
  private readonly windowsByKey = new Map<string, ChangeWindow>();
  private readonly windowsByDay = new Map<number, ChangeWindow[]>();
  private readonly years = new Set<number>();
  private lastDay = Number.NaN;
  private dayWindows: ChangeWindow[] = NO_WINDOWS;

  /** `extraZones` (the chosen zone, the user's) are compared too and preferred on a tie, in their order. */
  constructor(extraZones: readonly (string | null)[] = []) {
    const zones = [...new Set([...extraZones.filter((zone): zone is string => !!zone), ...Object.values(FAMILY_ZONES)])];
    this.candidates = zones.map((zone) => ({ zone, offsets: new ZoneOffset(zone), windows: [] }));
  }

  add(localMs: number): void {
    if (!Number.isFinite(localMs)) return;
    const day = Math.floor(localMs / MS_PER_DAY);
    if (day !== this.lastDay) {
      this.lastDay = day;
      this.coverYear(new Date(day * MS_PER_DAY).getUTCFullYear());
      this.dayWindows = this.windowsByDay.get(day) ?? NO_WINDOWS;
    }
    for (const window of this.dayWindows) {
      const span = window.end - window.start;
      if (localMs < window.start - span || localMs >= window.end + span) continue;
      if (localMs < window.start) window.before++;
      else if (localMs < window.end) window.inside++;
      else window.after++;
    }
  }

  /**
   * The zone whose changes the data shows best: at least one gap or repeat matched and no gap
   * contradicted; on a tie the extra zones first, then the families in order. A zone that
   * has the same local changes as a family (over the years seen) belongs to it. Null when
   * no zone's changes show.
   */
  result(): DstFingerprint | null {
    let best: { candidate: Candidate; matches: ChangeWindow[] } | null = null;
    for (const candidate of this.candidates) {
      const verdicts = candidate.windows.map((window) => ({ window, verdict: verdict(window) }));
      if (verdicts.some((entry) => entry.verdict === "contradiction")) continue;
      const matches = verdicts.filter((entry) => entry.verdict === "match").map((entry) => entry.window);
      if (matches.length > 0 && (!best || matches.length > best.matches.length)) best = { candidate, matches };
    }
    if (!best) return null;
    const sorted = [...best.matches].sort((a, b) => a.start - b.start);
    return {
      zone: best.candidate.zone,
      family: this.familyOf(best.candidate.zone),
      gaps: sorted.filter((window) => window.kind === "gap").map(formatInterval),
      repeats: sorted.filter((window) => window.kind === "repeat").map(formatInterval),
    };
  }

  /** True when two zones change their clocks at the same local times in every year seen (UTC and fixed offsets never change). */
  sameChanges(zoneA: string, zoneB: string): boolean {
    const keys = (zone: string) => {
      const candidate = this.candidates.find((entry) => entry.zone === zone);
      return candidate ? candidate.windows.map((window) => `${window.kind}${window.start}/${window.end}`).join() : "";
    };
    return keys(zoneA) === keys(zoneB);
  }

  familyOf(zone: string): DstFamily | null {
    const candidate = this.candidates.find((entry) => entry.zone === zone);
    if (!candidate || candidate.windows.length === 0) return null;
    return DST_FAMILIES.find((family) => this.sameChanges(zone, FAMILY_ZONES[family])) ?? null;
  }

  private coverYear(year: number): void {
    if (this.years.has(year)) return;
    this.years.add(year);
    const from = Date.UTC(year, 0, 1) - MS_PER_DAY;
    const to = Date.UTC(year + 1, 0, 1) - MS_PER_DAY;
    for (const candidate of this.candidates) {
      for (const transition of zoneTransitions(candidate.offsets, from, to)) {
        const kind = transition.after > transition.before ? "gap" : "repeat";
        const start = transition.utcMs + Math.min(transition.before, transition.after);
        const end = transition.utcMs + Math.max(transition.before, transition.after);
        const key = `${kind}${start}/${end}`;
        let window = this.windowsByKey.get(key);
        if (!window) {
          window = { kind, start, end, before: 0, inside: 0, after: 0 };
          this.windowsByKey.set(key, window);
          const span = end - start;
          for (let day = Math.floor((start - span) / MS_PER_DAY); day <= Math.floor((end + span - 1) / MS_PER_DAY); day++) {
            this.windowsByDay.set(day, [...(this.windowsByDay.get(day) ?? NO_WINDOWS), window]);
          }
        }
        candidate.windows.push(window);
      }
    }
  }
}

/** The DST fingerprint of a list of naive wall-clock times (see DstFingerprintCollector). */
export function findDstFingerprint(localTimes: Iterable<number>, extraZones: readonly (string | null)[] = []): DstFingerprint | null {
  const collector = new DstFingerprintCollector(extraZones);
  for (const localMs of localTimes) collector.add(localMs);
  return collector.result();
}
