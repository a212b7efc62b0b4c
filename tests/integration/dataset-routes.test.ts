import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsPageSchema, seriesResponseSchema } from "@/lib/contracts/dataset-view";
import type { Frame } from "@/lib/series/frame";
import { LOCAL_USER } from "@/server/auth/session-user";
import { arrowToFrame } from "@/server/datasets/arrow-frame";
import { startAppServer, type AppServer } from "../support/app-server";
import { seededDataDir, seedDataset } from "../support/seed-datasets";

const MINE = "11111111-1111-4111-8111-111111111111";
const THEIRS = "22222222-2222-4222-8222-222222222222";
const STRANGER = "33333333-3333-4333-8333-333333333333";
const T0 = Date.UTC(2024, 2, 31, 0, 0);
const STEP = 15 * 60_000;

/** 2000 rows every 15 min with a 6-hour hole after row 999, signed values, some missing. */
function frame(): Frame {
  const n = 2000;
  const time = new Float64Array(n);
  const load = new Float64Array(n);
  const temp = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    time[i] = T0 + i * STEP + (i >= 1000 ? 6 * 3600_000 : 0);
    load[i] = Math.sin(i / 40) * 50 - 10;
    temp[i] = i % 97 === 5 ? NaN : -5 + i / 100;
  }
  return { time, columns: [{ name: "=Last", unit: "kW", values: load }, { name: "Temp", unit: "°C", values: temp }] };
}

describe("dataset routes against the running app", () => {
  let server: AppServer;
  let dataDir: string;
  const data = frame();

  beforeAll(async () => {
    dataDir = await seededDataDir("routes", async (db, blobs) => {
      for (const [id, ownerId] of [[MINE, LOCAL_USER.id], [THEIRS, STRANGER]]) await seedDataset(db, blobs, { id, ownerId, name: "Messung März.csv", frame: data });
    });
    server = await startAppServer({ dataDir });
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const get = (route: string) => fetch(`${server.url}${route}`);

  it("lists the user's datasets only", async () => {
    const body = (await (await get("/api/datasets")).json()) as { datasets: { id: string }[] };
    expect(body.datasets.map((dataset) => dataset.id)).toEqual([MINE]);
  });

  it("pages through rows with a capped limit; missing values are null", async () => {
    const page = rowsPageSchema.parse(await (await get(`/api/datasets/${MINE}/rows?offset=1995&limit=10`)).json());
    expect(page).toMatchObject({ offset: 1995, total: 2000 });
    expect(page.time).toEqual(Array.from(data.time.slice(1995)));
    expect(page.values[0]).toEqual(Array.from(data.columns[0].values.slice(1995)));
    const withMissing = rowsPageSchema.parse(await (await get(`/api/datasets/${MINE}/rows?offset=0&limit=10`)).json());
    expect(withMissing.values[1][5]).toBeNull();
    const tooMany = await get(`/api/datasets/${MINE}/rows?limit=100000`);
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).error).toMatch(/^limit: /);
  });

  it("downsamples to about the points asked for, with breaks at gaps and signed values untouched; a zoomed range comes at full detail", async () => {
    const overview = seriesResponseSchema.parse(await (await get(`/api/datasets/${MINE}/series?columns=${encodeURIComponent("=Last")}&points=200`)).json());
    const points = overview.series[0].points;
    expect(points.filter(([, v]) => v !== null).length).toBe(200);
    // The 6-hour hole is a break.
    const hole = points.findIndex(([, v]) => v === null);
    expect(points[hole - 1][0]).toBeLessThanOrEqual(data.time[999]);
    expect(points[hole + 1][0]).toBeGreaterThanOrEqual(data.time[1000]);
    const values = new Set(Array.from(data.columns[0].values));
    for (const [, v] of points) if (v !== null) expect(values.has(v)).toBe(true);
    expect(Math.min(...points.flatMap(([, v]) => (v === null ? [] : [v])))).toBeLessThan(0);

    const from = data.time[100];
    const to = data.time[300];
    const zoomed = seriesResponseSchema.parse(await (await get(`/api/datasets/${MINE}/series?columns=Temp&from=${from}&to=${to}&points=1000`)).json());
    expect(zoomed.rowsInRange).toBe(201);
    const temp = zoomed.series[0].points;
    // Every row is there; each missing value is one break.
    const missing = Array.from(data.columns[1].values.slice(100, 301)).filter((v) => Number.isNaN(v)).length;
    expect(missing).toBe(3);
    expect(temp.filter(([, v]) => v !== null).length).toBe(201 - missing);
    expect(temp.filter(([, v]) => v === null).length).toBe(missing);

    const unknown = await get(`/api/datasets/${MINE}/series?columns=Nope`);
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error).toBe("There is no column 'Nope' in this dataset.");
  });

  it("downloads the normalised CSV, the German Excel CSV and the Arrow file, streamed with safe names", async () => {
    const csv = await get(`/api/datasets/${MINE}/download?format=csv`);
    expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="Messung_Marz.csv"; filename*=UTF-8''Messung_Marz.csv`);
    const text = await csv.text();
    const lines = text.split("\n");
    expect(lines[0]).toBe("timestamp,'=Last,Temp");
    expect(lines[1]).toBe(`2024-03-31T00:00:00.000Z,${String(data.columns[0].values[0])},-5`);
    expect(lines[6]).toBe(`${new Date(data.time[5]).toISOString()},${String(data.columns[0].values[5])},`);

    const excel = await get(`/api/datasets/${MINE}/download?format=excel-de&tz=Europe/Berlin`);
    const german = await excel.text();
    // Response.text() drops the BOM; the bytes carry it.
    expect(german.startsWith("Zeitstempel;'=Last;Temp\r\n;kW;°C\r\n31.03.2024 01:00:00;-10;-5\r\n")).toBe(true);
    expect(german).toContain("\r\n31.03.2024 01:45:00;");
    expect(german).toContain("\r\n31.03.2024 03:00:00;");
    const raw = new Uint8Array(await (await get(`/api/datasets/${MINE}/download?format=excel-de`)).arrayBuffer());
    expect(Array.from(raw.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);

    const arrow = await get(`/api/datasets/${MINE}/download?format=arrow`);
    expect(arrow.headers.get("content-type")).toBe("application/vnd.apache.arrow.file");
    const back = arrowToFrame(new Uint8Array(await arrow.arrayBuffer()));
    expect(Array.from(back.time)).toEqual(Array.from(data.time));
    expect(back.columns.map((column) => [column.name, column.unit])).toEqual([["=Last", "kW"], ["Temp", "°C"]]);

    expect((await get(`/api/datasets/${MINE}/download?format=xlsx`)).status).toBe(400);
    expect((await get(`/api/datasets/${MINE}/download?format=excel-de&tz=Mars/Olympus`)).status).toBe(400);
  });

  it("another user's dataset, an unknown id and a malformed id are all 404, pages and routes alike", async () => {
    for (const id of [THEIRS, "44444444-4444-4444-8444-444444444444", "..%2F..%2Fetc", "not-a-uuid"]) {
      for (const route of [`/api/datasets/${id}/rows`, `/api/datasets/${id}/series`, `/api/datasets/${id}/download?format=arrow`]) {
        const response = await get(route);
        expect(response.status, route).toBe(404);
        expect(await response.json()).toEqual({ error: "Dataset not found." });
      }
      expect((await get(`/datasets/${id}`)).status).toBe(404);
    }
    expect((await get(`/datasets/${MINE}`)).status).toBe(200);
  });
});
