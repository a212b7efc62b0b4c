import { detectStepMinutes, offsetMinutes as detectOffsetMinutes } from "@/lib/analysis/time-step";
import type { Column, Frame } from "@/lib/series/frame";
import type { AlignSpec } from "./align-spec";
import { cropRows, lowerBound } from "./crop";
import { sortedInput } from "./frame-input";
import { RESAMPLE_METHODS } from "./recipe";
import { gridAnchor, gridBetween, gridTimes, resampleColumns, type Grid } from "./resample";
import { SpecError } from "./spec-errors";
import { minutesToMs, parseIsoInstant, positiveModulo } from "./time";

/** One loaded series of an align spec, in spec order; `label` names its source (file stem, dataset name). */
export interface AlignInput {
  label: string;
  frame: Frame;
}

/** A series whose step or offset differs from the target and that has no method (the original's methodsRequired). */
export interface MethodRequirement {
  series: number;
  label: string;
  column: string;
  currentStepMinutes: number | null;
  requestedStepMinutes: number;
  currentOffsetMinutes: number | null;
  requestedOffsetMinutes: number;
  validMethods: readonly string[];
}

const TOLERANCE = 1e-9;

function pickColumn(input: AlignInput, name: string | undefined, index: number): Column {
  const { columns } = input.frame;
  if (name === undefined) {
    if (columns.length === 0) throw new SpecError(`series[${index}]`, `${input.label} has no value column`);
    return columns[0];
  }
  const column = columns.find((candidate) => candidate.name === name);
  if (!column) {
    throw new SpecError(`series[${index}].column`, `${input.label} has no column '${name}' (columns: ${columns.map((c) => c.name).join(", ") || "none"})`);
  }
  return column;
}

/** "15 min", "unknown": how requirements write a step or offset. */
export function formatMinutes(minutes: number | null): string {
  return minutes === null ? "unknown" : `${Number(minutes.toPrecision(10))} min`;
}

/** A series' detected time step and offset (minutes), as the dataset analysis stores them; null when unknown. */
export interface DetectedGrid {
  stepMinutes: number | null;
  offsetMinutes: number | null;
}

/**
 * The requirement when a series with this detected step/offset is put on the target grid
 * without a method, else null. Pure in the detected values, so a form can say it before
 * anything runs, from the stored analysis alone.
 */
export function gridRequirement(
  target: Pick<AlignSpec, "stepMinutes" | "offsetMinutes">,
  detected: DetectedGrid,
  series: { index: number; label: string; column: string },
): MethodRequirement | null {
  const { stepMinutes: step, offsetMinutes: offset } = detected;
  const requestedOffset = positiveModulo(target.offsetMinutes ?? 0, target.stepMinutes);
  const offsetDistance =
    offset === null ? Infinity : Math.abs(positiveModulo(offset - requestedOffset + target.stepMinutes / 2, target.stepMinutes) - target.stepMinutes / 2);
  if (step !== null && Math.abs(step - target.stepMinutes) <= TOLERANCE && offsetDistance <= TOLERANCE) return null;
  return {
    series: series.index,
    label: series.label,
    column: series.column,
    currentStepMinutes: step,
    requestedStepMinutes: target.stepMinutes,
    currentOffsetMinutes: offset,
    requestedOffsetMinutes: requestedOffset,
    validMethods: RESAMPLE_METHODS,
  };
}

/** The requirement of series `index` of the spec, from its sorted timestamps. */
function requirement(spec: AlignSpec, input: AlignInput, index: number, time: Float64Array): MethodRequirement | null {
  const step = detectStepMinutes(time);
  const offset = time.length === 0 ? null : detectOffsetMinutes(time[0], step);
  const needed = gridRequirement(spec, { stepMinutes: step, offsetMinutes: offset }, { index, label: input.label, column: "" });
  // The column is only looked up (and a wrong name only reported) when a method is needed.
  return needed && { ...needed, column: pickColumn(input, spec.series[index].column, index).name };
}

/** Series that need a resampling method and have none; empty when the spec can run. */
export function methodsRequired(spec: AlignSpec, inputs: readonly AlignInput[]): MethodRequirement[] {
  return inputs.flatMap((input, index) => {
    if (spec.series[index].method !== undefined) return [];
    const needed = requirement(spec, input, index, sortedInput(input.frame).time);
    return needed ? [needed] : [];
  });
}

export function describeRequirement(needed: MethodRequirement): string {
  return (
    `${needed.label} (column ${needed.column}) needs a method: its time step ${formatMinutes(needed.currentStepMinutes)} -> ` +
    `${formatMinutes(needed.requestedStepMinutes)}, offset ${formatMinutes(needed.currentOffsetMinutes)} -> ` +
    `${formatMinutes(needed.requestedOffsetMinutes)}; choose one of ${needed.validMethods.join(", ")}`
  );
}

/** Output column names: the given name, else the column name; a name used twice gets its source label, then a number. */
function columnNames(spec: AlignSpec, inputs: readonly AlignInput[], columns: Column[]): string[] {
  const base = columns.map((column, i) => spec.series[i].name ?? column.name);
  const labelled = base.map((name, i) =>
    spec.series[i].name === undefined && base.filter((other) => other === name).length > 1 ? `${name} (${inputs[i].label})` : name,
  );
  const used = new Set<string>();
  return labelled.map((name) => {
    let unique = name;
    for (let k = 2; used.has(unique); k++) unique = `${name} (${k})`;
    used.add(unique);
    return unique;
  });
}

/** Values at grid points that are exactly timestamps of the series: the first present value there, else missing. */
function valuesAtExactTimes(time: Float64Array, values: Float64Array, grid: Float64Array): Float64Array {
  const out = new Float64Array(grid.length).fill(NaN);
  let i = 0;
  for (let k = 0; k < grid.length; k++) {
    while (i < time.length && time[i] < grid[k]) i++;
    for (let j = i; j < time.length && time[j] === grid[k]; j++) {
      if (values[j] === values[j]) {
        out[k] = values[j];
        break;
      }
    }
  }
  return out;
}

/**
 * Puts several series on one grid (docs/recipe-v1.md#align-spec). All grids share one anchor,
 * floorToHour(start ?? the earliest first timestamp) + (offset mod step), so that every
 * series lands on the same lattice whatever the step. Series i covers the lattice points in
 * [start ?? its first, end ?? its last] (rows outside [start, end] dropped first); the result
 * has the union of those points and one column per series, missing where a series has no
 * grid point. A series needing a method without one is a SpecError at `series[i].method`.
 */
export function alignSeries(spec: AlignSpec, inputs: readonly AlignInput[]): Frame {
  if (inputs.length !== spec.series.length) throw new Error(`align: ${spec.series.length} series in the spec, ${inputs.length} loaded`);
  const startMs = spec.start === undefined ? undefined : parseIsoInstant(spec.start);
  const endMs = spec.end === undefined ? undefined : parseIsoInstant(spec.end);
  const stepMs = minutesToMs(spec.stepMinutes);
  const prepared = inputs.map((input, index) => {
    const sorted = sortedInput(input.frame);
    const column = pickColumn({ ...input, frame: sorted }, spec.series[index].column, index);
    if (spec.series[index].method === undefined) {
      const needed = requirement(spec, input, index, sorted.time);
      if (needed) throw new SpecError(`series[${index}].method`, describeRequirement(needed));
    }
    const cropped = cropRows({ time: sorted.time, columns: [column] }, startMs, endMs);
    return { column, time: cropped.time, values: cropped.columns[0].values };
  });
  const firsts = prepared.filter((series) => series.time.length > 0).map((series) => series.time[0]);
  const reference = startMs ?? (firsts.length > 0 ? Math.min(...firsts) : undefined);
  const names = columnNames(spec, inputs, prepared.map((series) => series.column));
  if (reference === undefined) {
    return { time: new Float64Array(0), columns: prepared.map((series, i) => ({ ...series.column, name: names[i], values: new Float64Array(0) })) };
  }
  const anchor = gridAnchor(reference, stepMs, minutesToMs(spec.offsetMinutes ?? 0));
  const grids: Grid[] = prepared.map((series) => {
    const from = startMs ?? series.time[0];
    const to = endMs ?? series.time[series.time.length - 1];
    return from === undefined || to === undefined ? { first: anchor, stepMs, count: 0 } : gridBetween(anchor, stepMs, from, to);
  });
  // Grid points as lattice indices k (time = anchor + k·step); the union of the series' ranges.
  const ranges = grids
    .filter((grid) => grid.count > 0)
    .map((grid) => {
      const first = Math.round((grid.first - anchor) / stepMs);
      return [first, first + grid.count - 1] as const;
    })
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [first, last] of ranges) {
    const previous = merged[merged.length - 1];
    if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
    else merged.push([first, last]);
  }
  const rows = merged.reduce((total, [first, last]) => total + last - first + 1, 0);
  const time = new Float64Array(rows);
  const lattice = new Float64Array(rows);
  let at = 0;
  for (const [first, last] of merged) {
    for (let k = first; k <= last; k++, at++) {
      lattice[at] = k;
      time[at] = anchor + k * stepMs;
    }
  }
  const columns = prepared.map((series, i) => {
    const values = new Float64Array(rows).fill(NaN);
    const grid = grids[i];
    if (grid.count > 0) {
      const points = gridTimes(grid);
      const method = spec.series[i].method;
      const onGrid = method
        ? resampleColumns(series.time, [series.values], points, { method, window: spec.series[i].window, maxGapMinutes: spec.series[i].maxGapMinutes, stepMs })[0]
        : valuesAtExactTimes(series.time, series.values, points);
      values.set(onGrid, lowerBound(lattice, Math.round((grid.first - anchor) / stepMs)));
    }
    return { ...series.column, name: names[i], values };
  });
  return { time, columns };
}
