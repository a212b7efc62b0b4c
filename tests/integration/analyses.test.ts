import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { bandChart } from "@/lib/analysis/band-chart";
import { regressionBand } from "@/lib/analysis/regression-band";
import type { StartDerivationResult } from "@/lib/contracts/dataset-derivation";
import type { BandChart, BandPreviewRequest } from "@/lib/contracts/regression-band-view";
import { alignSeries, describeRequirement, gridRequirement } from "@/lib/process/align";
import type { Frame } from "@/lib/series/frame";
import { computeBandPreview } from "@/server/analyses/band-preview";
import { listAnalysisResults } from "@/server/analyses/analysis-results";
import { listSeriesSources } from "@/server/analyses/series-sources";
import type { SessionUser } from "@/server/auth/session-user";
import { arrowToFrame } from "@/server/datasets/arrow-frame";
import { findDataset } from "@/server/datasets/dataset-records";
import { startDerivation } from "@/server/datasets/start-derivation";
import { ingestFile } from "@/server/ingest/ingest-file";
import { jobHandlers } from "@/server/jobs/job-kinds-registry";
import { blobStore } from "@/server/storage/blob-store";
import { inProcessApp } from "../support/in-process-app";
import { finishedJob } from "../support/jobs";
import { seedDataset } from "../support/seed-datasets";
import { SAMPLES_DIR, sampleFields, sampleNumber } from "../support/fixtures";
import { referenceBand } from "../support/reference-band";

const OWNER: SessionUser = { id: "aaaaaaaa-1111-4aaa-8aaa-aaaaaaaaaaaa", email: null };
const STRANGER: SessionUser = { id: "bbbbbbbb-2222-4bbb-8bbb-bbbbbbbbbbbb", email: null };
const LOGGER = path.join(SAMPLES_DIR, "building-logger-de.csv");
/** The logger's outdoor temperature (x) and heat load (y) read plainly from the file; every row has both. */
const LOGGER_ROWS = sampleFields("building-logger-de.csv");
const OUTDOOR = LOGGER_ROWS.map((fields) => sampleNumber(fields[1]));
const HEAT = LOGGER_ROWS.map((fields) => sampleNumber(fields[2]));
/** The band the export test draws, computed the plain way. */
const QUADRATIC_BAND = referenceBand(OUTDOOR, HEAT, { kind: "quadratic", tolCnt: 2, tolDep: 0.05 });
const T0 = Date.UTC(2024, 0, 1);
const QUARTER = 15 * 60_000;

/** A frame of regular rows: `columns` maps names to values per row index. */
function regular(n: number, stepMs: number, columns: Record<string, (i: number) => number>, start = T0): Frame {
  return {
    time: Float64Array.from({ length: n }, (_, i) => start + i * stepMs),
    columns: Object.entries(columns).map(([name, value]) => ({ name, values: Float64Array.from({ length: n }, (_, i) => value(i)) })),
  };
}

describe("analyses: band previews in the interactive pool, derivations in the job runner, PGlite and files", () => {
  const app = inProcessApp("analyses", jobHandlers);
  const datasets: Record<string, { id: string; frame: Frame }> = {};
  const addDataset = (owner: SessionUser, name: string, frame: Frame) => seedDataset(app.db, blobStore(), { ownerId: owner.id, name, frame });

  beforeAll(async () => {
    const logger = (await ingestFile(LOGGER, { timezone: "Europe/Berlin" })).frame;
    datasets.logger = { id: await addDataset(OWNER, "building-logger-de.csv", logger), frame: logger };
    // y = 3 - 0.5·x + a small zig-zag on 15-min rows; x on 10-min rows, so only every other row matches.
    const xs = regular(120, 10 * 60_000, { T: (i) => -5 + (i % 37) * 0.5 });
    const ys = regular(80, QUARTER, { P: (i) => 3 - 0.5 * (-5 + ((i * 1.5) % 37) * 0.5) + (i % 2 === 0 ? 0.2 : -0.2) });
    datasets.x = { id: await addDataset(OWNER, "temperature.csv", xs), frame: xs };
    datasets.y = { id: await addDataset(OWNER, "load.csv", ys), frame: ys };
    datasets.later = { id: await addDataset(OWNER, "later.csv", regular(10, QUARTER, { P: (i) => i }, Date.UTC(2025, 0, 1))), frame: regular(10, QUARTER, { P: (i) => i }) };
    for (const [key, file] of [["meter", "meter-15min.csv"], ["sensor", "sensor-irregular.csv"]]) {
      const frame = (await ingestFile(path.join(SAMPLES_DIR, file), { timezone: "Europe/Berlin" })).frame;
      datasets[key] = { id: await addDataset(OWNER, file, frame), frame };
    }
    datasets.foreign = { id: await addDataset(STRANGER, "theirs.csv", xs), frame: xs };
  });

  const finished = (jobId: string) => finishedJob(app.db, jobId);

  const jobCount = async () => Number((await app.db.asService((sql) => sql.query<{ n: string }>("select count(*) as n from jobs")))[0].n);

  /** The band as the page receives it. */
  async function preview(request: BandPreviewRequest): Promise<BandChart> {
    const result = await computeBandPreview(OWNER, request);
    if (!result.ok) throw new Error(result.error);
    return result.chart;
  }

  describe("series sources", () => {
    it("lists the user's datasets with the step and offset their analysis detected", async () => {
      const sources = await app.db.asUser(OWNER.id, (sql) => listSeriesSources(sql));
      expect(sources.map((source) => source.name).sort()).toEqual(["building-logger-de.csv", "later.csv", "load.csv", "meter-15min.csv", "sensor-irregular.csv", "temperature.csv"]);
      const logger = sources.find((source) => source.id === datasets.logger.id)!;
      expect(logger).toMatchObject({ stepMinutes: 15, offsetMinutes: 0, rowCount: 480, columns: [{ name: "Außentemperatur", unit: "°C" }, { name: "Wärmeleistung", unit: "kW" }] });
      expect(logger.start).toBe(datasets.logger.frame.time[0]);
      expect(sources.find((source) => source.id === datasets.x.id)).toMatchObject({ stepMinutes: 10, offsetMinutes: 0 });
      expect(await app.db.asUser(STRANGER.id, (sql) => listSeriesSources(sql))).toMatchObject([{ name: "theirs.csv" }]);
    });
  });

  describe("regression band preview", () => {
    it("fits heat load against outdoor temperature of one dataset in a worker thread: the chart payload of the whole band", async () => {
      const spec = { kind: "linear", tolerance: "constant", xColumn: "Außentemperatur", yColumn: "Wärmeleistung" } as const;
      const chart = await preview({ xDatasetId: datasets.logger.id, yDatasetId: datasets.logger.id, spec });
      const frame = datasets.logger.frame;
      expect(chart).toEqual(JSON.parse(JSON.stringify(bandChart(regressionBand(frame, frame, spec)))));
      // The same figures as least squares on the file's numbers; the default tolerance is 10 % of the y range.
      const reference = referenceBand(OUTDOOR, HEAT, { kind: "linear" });
      expect(chart.equation).toBe(reference.equation);
      expect(chart.r2).toBeCloseTo(reference.r2, 10);
      expect(chart.tolCnt).toBeCloseTo(reference.tolCnt, 12);
      expect(chart.counts).toEqual({ points: LOGGER_ROWS.length, inside: reference.inside, outside: reference.outside });
      expect(Math.min(reference.inside, reference.outside)).toBeGreaterThan(0);
    });

    it("matches two datasets on equal timestamps and agrees with the closed-form least squares", async () => {
      const chart = await preview({ xDatasetId: datasets.x.id, yDatasetId: datasets.y.id, spec: { kind: "linear", tolerance: "dependent", tolCnt: 0.1, tolDep: 0.01 } });
      // Rows at 00:00, 00:30, 01:00, …: every third 10-min row and every other 15-min row, up to the shorter end.
      const pairs: [number, number][] = [];
      const x = datasets.x.frame;
      const y = datasets.y.frame;
      x.time.forEach((t, i) => {
        const j = y.time.indexOf(t);
        if (j >= 0) pairs.push([x.columns[0].values[i], y.columns[0].values[j]]);
      });
      expect(chart.counts.points).toBe(pairs.length);
      const n = pairs.length;
      const sx = pairs.reduce((sum, [a]) => sum + a, 0);
      const sy = pairs.reduce((sum, [, b]) => sum + b, 0);
      const sxy = pairs.reduce((sum, [a, b]) => sum + a * b, 0);
      const sxx = pairs.reduce((sum, [a]) => sum + a * a, 0);
      const slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
      expect(chart.coefficients[1]).toBeCloseTo(slope, 10);
      expect(chart.coefficients[0]).toBeCloseTo((sy - slope * sx) / n, 10);
      // The tolerances are used as set, however small.
      expect(chart.tolCnt).toBe(0.1);
      expect(chart.tolDep).toBe(0.01);
      const inside = pairs.filter(([a, b]) => {
        const p = chart.coefficients[0] + chart.coefficients[1] * a;
        return Math.abs(b - p) <= 0.01 * Math.abs(p) + 0.1;
      }).length;
      expect(chart.counts.inside).toBe(inside);
    });

    it("a band the data cannot give is refused with the core's one-line message", async () => {
      expect(await computeBandPreview(OWNER, { xDatasetId: datasets.x.id, yDatasetId: datasets.later.id, spec: { kind: "linear", tolerance: "constant" } })).toEqual({
        ok: false,
        error: "No timestamp has a value in both 'T' and 'P'.",
        inData: true,
      });
      expect(await computeBandPreview(OWNER, { xDatasetId: datasets.later.id, yDatasetId: datasets.later.id, spec: { kind: "quadratic", tolerance: "constant", xColumn: "P", yColumn: "P" } })).toMatchObject({
        ok: true,
      });
    });

    it("another user's dataset is not found and a wrong column is named", async () => {
      const spec = { kind: "linear", tolerance: "constant" } as const;
      expect(await computeBandPreview(OWNER, { xDatasetId: datasets.x.id, yDatasetId: datasets.foreign.id, spec })).toEqual({ ok: false, error: "yDatasetId: dataset not found." });
      expect(await computeBandPreview(STRANGER, { xDatasetId: datasets.x.id, yDatasetId: datasets.foreign.id, spec })).toEqual({ ok: false, error: "xDatasetId: dataset not found." });
      expect(await computeBandPreview(OWNER, { xDatasetId: datasets.x.id, yDatasetId: datasets.y.id, spec: { ...spec, yColumn: "Q" } })).toEqual({
        ok: false,
        error: "spec.yColumn: load.csv has no column 'Q' (columns: P)",
      });
    });
  });

  describe("derivations started from the pages", () => {
    const started = (result: StartDerivationResult) => {
      if (!result.ok) throw new Error(result.error);
      return result;
    };

    it("the requirement the align page shows from the stored analyses is the one the job fails with", async () => {
      const sources = await app.db.asUser(OWNER.id, (sql) => listSeriesSources(sql));
      const sensor = sources.find((source) => source.id === datasets.sensor.id)!;
      const meter = sources.find((source) => source.id === datasets.meter.id)!;
      const target = { stepMinutes: 15, offsetMinutes: 0 };
      expect(gridRequirement(target, meter, { index: 0, label: meter.name, column: "energy_kwh" })).toBeNull();
      const needed = gridRequirement(target, sensor, { index: 1, label: sensor.name, column: "temperature" });
      expect(needed).not.toBeNull();

      const spec = { ...target, series: [{ datasetId: meter.id }, { datasetId: sensor.id, column: "temperature" }] };
      const { jobId, datasetId } = started(await startDerivation(OWNER, { name: "needs a method", derivation: { kind: "align", spec } }));
      const failed = await finished(jobId);
      expect(failed.status).toBe("failed");
      expect(failed.message).toBe(`series[1].method: ${describeRequirement(needed!)}.`);
      expect(await app.db.asUser(OWNER.id, (sql) => findDataset(sql, datasetId))).toBeNull();
    });

    it("aligns the meter and the irregular sensor onto 15 min once the sensor has a method: the core's frame, with its lineage", async () => {
      const spec = { stepMinutes: 15, offsetMinutes: 0, series: [{ datasetId: datasets.meter.id }, { datasetId: datasets.sensor.id, method: "mean" as const, window: "trailing" as const }] };
      const { jobId, datasetId } = started(await startDerivation(OWNER, { name: "meter and sensor", derivation: { kind: "align", spec } }));
      expect((await finished(jobId)).status).toBe("succeeded");
      const expected = alignSeries(spec, [
        { label: "meter-15min.csv", frame: datasets.meter.frame },
        { label: "sensor-irregular.csv", frame: datasets.sensor.frame },
      ]);
      const dataset = await app.db.asUser(OWNER.id, (sql) => findDataset(sql, datasetId));
      expect(dataset).toMatchObject({ name: "meter and sensor", parentId: datasets.meter.id, stepMinutes: 15, rowCount: expected.time.length });
      expect(dataset!.derivation).toEqual({ kind: "align", spec });
      const frame = arrowToFrame(await blobStore().get(dataset!.blobKey));
      expect(frame.columns.map((column) => column.name)).toEqual(["energy_kwh", "temperature"]);
      expect(Array.from(frame.time)).toEqual(Array.from(expected.time));
      frame.columns.forEach((column, c) => expect(Array.from(column.values)).toEqual(Array.from(expected.columns[c].values)));
      expect(await app.db.asUser(STRANGER.id, (sql) => findDataset(sql, datasetId))).toBeNull();
    });

    it("another user's dataset in an align spec is not found and queues nothing", async () => {
      const before = await jobCount();
      const spec = { stepMinutes: 15, series: [{ datasetId: datasets.meter.id }, { datasetId: datasets.foreign.id, method: "mean" as const }] };
      expect(await startDerivation(OWNER, { name: "stolen", derivation: { kind: "align", spec } })).toEqual({ ok: false, error: `Dataset ${datasets.foreign.id} not found.` });
      expect(await jobCount()).toBe(before);
    });

    it("exporting the inside points gives a dataset of exactly the points the preview counted inside", async () => {
      const spec = { kind: "quadratic", tolerance: "dependent", xColumn: "Außentemperatur", yColumn: "Wärmeleistung", tolCnt: 2, tolDep: 0.05 } as const;
      const chart = await preview({ xDatasetId: datasets.logger.id, yDatasetId: datasets.logger.id, spec });
      const { inside, outside } = QUADRATIC_BAND;
      expect(chart.equation).toBe(QUADRATIC_BAND.equation);
      expect(chart.counts).toEqual({ points: LOGGER_ROWS.length, inside, outside });
      const { jobId, datasetId } = started(
        await startDerivation(OWNER, { name: "inside", derivation: { kind: "regression-band", xDatasetId: datasets.logger.id, yDatasetId: datasets.logger.id, spec } }),
      );
      expect((await finished(jobId)).status).toBe("succeeded");
      const dataset = await app.db.asUser(OWNER.id, (sql) => findDataset(sql, datasetId));
      expect(dataset).toMatchObject({ rowCount: inside, columns: [{ name: "Außentemperatur", unit: "°C" }, { name: "Wärmeleistung", unit: "kW" }] });
      expect(dataset!.derivationReport).toMatchObject({ kind: "regression-band", equation: chart.equation, inside, outside, tolCnt: 2, tolDep: 0.05 });
    });

    it("the hub lists what was made here (alignments and bands), newest first, the user's only", async () => {
      const results = await app.db.asUser(OWNER.id, (sql) => listAnalysisResults(sql));
      expect(results.map((result) => [result.name, result.kind])).toEqual([
        ["inside", "regression-band"],
        ["meter and sensor", "align"],
      ]);
      expect(results[0]).toMatchObject({ rowCount: QUADRATIC_BAND.inside, equation: QUADRATIC_BAND.equation, columns: ["Außentemperatur", "Wärmeleistung"] });
      expect(results[1]).toMatchObject({ equation: null, columns: ["energy_kwh", "temperature"] });
      expect(await app.db.asUser(STRANGER.id, (sql) => listAnalysisResults(sql))).toEqual([]);
    });
  });
});
