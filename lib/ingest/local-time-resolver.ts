import { ZoneOffset } from "./zone-offset";

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
/** Marks a local hour that contains a DST change and must be resolved value by value. */
const TRANSITION_HOUR = Number.NEGATIVE_INFINITY;
/** A row before the repeated hour closer than this (local time) shows which way the times run. */
const MAX_DIRECTION_DISTANCE = 6 * MS_PER_HOUR;

/** Candidate UTC instants of one wall-clock time: none (spring gap), one, or two (autumn repeat, earlier first). */
interface Candidates {
  count: 0 | 1 | 2;
  first: number;
  second: number;
}

/**
 * Turns naive wall-clock times of one IANA zone into UTC, for a column read in file order
 * (ascending, descending or in blocks of either). Repeated autumn times are resolved in the
 * direction the times run as they enter the repeated hour: ascending, the first pass is
 * summer time; descending (newest first), the first pass is winter time; the other offset
 * is used once the local time turns back (or repeats) inside that hour. When the row before
 * is too far away to tell (the first row, a new block), the direction most rows so far have
 * run in decides. Nonexistent spring times give NaN. Offsets are cached per local hour, so
 * a million rows cost a few thousand Intl calls.
 */
export class LocalTimeResolver {
  private readonly offsets: ZoneOffset;
  private readonly offsetByHour = new Map<number, number>();
  private lastHour = Number.NaN;
  private lastHourOffset = 0;
  private previousLocal = Number.NaN;
  private ascendingSteps = 0;
  private descendingSteps = 0;
  private inFold = false;
  private foldAscending = true;
  private foldLastLocal = Number.NaN;
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
    const previous = this.previousLocal;
    this.previousLocal = localMs;
    if (localMs > previous) this.ascendingSteps++;
    else if (localMs < previous) this.descendingSteps++;
    const hour = Math.floor(localMs / MS_PER_HOUR);
    if (hour === this.lastHour) {
      this.inFold = false;
      return localMs - this.lastHourOffset;
    }
    let offset = this.offsetByHour.get(hour);
    if (offset === undefined) {
      offset = this.classifyHour(hour);
      this.offsetByHour.set(hour, offset);
    }
    if (offset !== TRANSITION_HOUR) {
      this.inFold = false;
      this.lastHour = hour;
      this.lastHourOffset = offset;
      return localMs - offset;
    }
    return this.resolveInTransition(localMs, previous);
  }

  private classifyHour(hour: number): number {
    const start = this.candidates(hour * MS_PER_HOUR);
    const end = this.candidates((hour + 1) * MS_PER_HOUR - 1);
    const startOffset = hour * MS_PER_HOUR - start.first;
    const endOffset = (hour + 1) * MS_PER_HOUR - 1 - end.first;
    return start.count === 1 && end.count === 1 && startOffset === endOffset ? startOffset : TRANSITION_HOUR;
  }

  private resolveInTransition(localMs: number, previous: number): number {
    const found = this.candidates(localMs);
    if (found.count !== 2) {
      this.inFold = false;
      return found.count === 0 ? Number.NaN : found.first;
    }
    this.ambiguousCount++;
    const span = found.second - found.first;
    if (this.inFold && Math.abs(localMs - this.foldLastLocal) <= span) {
      if (this.foldAscending ? localMs <= this.foldLastLocal : localMs >= this.foldLastLocal) this.foldSecondPass = true;
    } else {
      // Entering the repeated hour: the row before shows the direction, unless it is far away.
      const near = Math.abs(localMs - previous) <= MAX_DIRECTION_DISTANCE;
      this.foldAscending = near ? localMs > previous : this.ascendingSteps >= this.descendingSteps;
      this.foldSecondPass = false;
      this.inFold = true;
    }
    this.foldLastLocal = localMs;
    return this.foldAscending === this.foldSecondPass ? found.second : found.first;
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
