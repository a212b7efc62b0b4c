import { ZoneOffset } from "./zone-offset";

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
/** Marks a local hour that contains a DST change and must be resolved value by value. */
const TRANSITION_HOUR = Number.NEGATIVE_INFINITY;

/** Candidate UTC instants of one wall-clock time: none (spring gap), one, or two (autumn repeat, earlier first). */
interface Candidates {
  count: 0 | 1 | 2;
  first: number;
  second: number;
}

/**
 * Turns naive wall-clock times of one IANA zone into UTC, for a column read in file order.
 * Repeated autumn times are resolved by order: the first pass is summer time, and once the
 * local time goes back (or repeats) inside the repeated hour, the later (standard) offset is
 * used. Nonexistent spring times give NaN. Offsets are cached per local hour, so a million
 * rows cost a few thousand Intl calls.
 */
export class LocalTimeResolver {
  private readonly offsets: ZoneOffset;
  private readonly offsetByHour = new Map<number, number>();
  private lastHour = Number.NaN;
  private lastHourOffset = 0;
  private foldDay = Number.NaN;
  private foldLatestLocal = Number.NEGATIVE_INFINITY;
  private foldSecondPass = false;
  /** Repeated wall-clock times seen so far (for the import report). */
  ambiguousCount = 0;

  constructor(zone: string) {
    this.offsets = new ZoneOffset(zone);
  }

  get zone(): string {
    return this.offsets.zone;
  }

  /** UTC milliseconds of a wall-clock time given as milliseconds "as if UTC"; NaN when the time does not exist. */
  toUtc(localMs: number): number {
    const hour = Math.floor(localMs / MS_PER_HOUR);
    if (hour === this.lastHour) return localMs - this.lastHourOffset;
    let offset = this.offsetByHour.get(hour);
    if (offset === undefined) {
      offset = this.classifyHour(hour);
      this.offsetByHour.set(hour, offset);
    }
    if (offset !== TRANSITION_HOUR) {
      this.lastHour = hour;
      this.lastHourOffset = offset;
      return localMs - offset;
    }
    return this.resolveInTransition(localMs);
  }

  private classifyHour(hour: number): number {
    const start = this.candidates(hour * MS_PER_HOUR);
    const end = this.candidates((hour + 1) * MS_PER_HOUR - 1);
    const startOffset = hour * MS_PER_HOUR - start.first;
    const endOffset = (hour + 1) * MS_PER_HOUR - 1 - end.first;
    return start.count === 1 && end.count === 1 && startOffset === endOffset ? startOffset : TRANSITION_HOUR;
  }

  private resolveInTransition(localMs: number): number {
    const found = this.candidates(localMs);
    if (found.count === 0) return Number.NaN;
    if (found.count === 1) return found.first;
    this.ambiguousCount++;
    const day = Math.floor(localMs / MS_PER_DAY);
    if (day !== this.foldDay) {
      this.foldDay = day;
      this.foldLatestLocal = Number.NEGATIVE_INFINITY;
      this.foldSecondPass = false;
    }
    if (localMs <= this.foldLatestLocal) this.foldSecondPass = true;
    this.foldLatestLocal = Math.max(this.foldLatestLocal, localMs);
    return this.foldSecondPass ? found.second : found.first;
  }

  /** UTC instants u with u + offset(u) = localMs, using the offsets a day before and after. */
  private candidates(localMs: number): Candidates {
    const before = this.offsets.at(localMs - MS_PER_DAY);
    const after = this.offsets.at(localMs + MS_PER_DAY);
    const early = localMs - Math.max(before, after);
    const late = localMs - Math.min(before, after);
    const earlyValid = this.offsets.at(early) === localMs - early;
    const lateValid = early !== late && this.offsets.at(late) === localMs - late;
    if (earlyValid && lateValid) return { count: 2, first: early, second: late };
    if (earlyValid) return { count: 1, first: early, second: early };
    if (lateValid) return { count: 1, first: late, second: late };
    return { count: 0, first: Number.NaN, second: Number.NaN };
  }
}
