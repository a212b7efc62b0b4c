import { closeSync, openSync, renameSync, writeSync } from "node:fs";
import path from "node:path";
import { berlinFields, pad2, utcFields, type ClockFields } from "../tests/fixtures/clock";
import { seededRandom } from "../tests/fixtures/seeded-random";

/**
 * `tsx bench/make-big-csv.ts ROWS OUT [iso|de]`: a large realistic export for the benchmark,
 * deterministic (seeded), streamed to disk in blocks so that 10 M rows need no more memory
 * than 1 M. Rows are 10–70 s apart from 2023-01-01 00:00 UTC; about 1 % of the cells are empty.
 *
 * - `iso`: `timestamp,P,T,Q`, `YYYY-MM-DD HH:MM:SS` in UTC, decimal points.
 * - `de`: `Zeit;P;T;Q`, `DD.MM.YYYY HH:MM:SS` in Europe/Berlin local time (DST changes
 *   included: the autumn hour appears twice), semicolons and decimal commas, as German logger
 *   and meter exports write it.
 */

export type BigCsvLayout = "iso" | "de";

const ROWS_PER_BLOCK = 50_000;

function stamp(clock: ClockFields, layout: BigCsvLayout): string {
  const time = `${pad2(clock.hour)}:${clock.minute}:${clock.second}`;
  return layout === "iso" ? `${clock.year}-${clock.month}-${clock.day} ${time}` : `${clock.day}.${clock.month}.${clock.year} ${time}`;
}

export function writeBigCsv(rows: number, out: string, layout: BigCsvLayout): void {
  const random = seededRandom(42);
  const separator = layout === "iso" ? "," : ";";
  const cell = (value: number) => {
    if (random.uniform() < 0.01) return "";
    const text = value.toFixed(3);
    return layout === "iso" ? text : text.replace(".", ",");
  };
  const partial = `${out}.partial`;
  const file = openSync(partial, "w");
  try {
    let block = [layout === "iso" ? "timestamp,P,T,Q" : "Zeit;P;T;Q"];
    let time = Date.UTC(2023, 0, 1);
    for (let i = 0; i < rows; i++) {
      time += random.integer(10, 70) * 1000;
      const power = 200 + 100 * Math.sin(i / 500) + random.gaussian(0, 5);
      const temperature = 15 + 10 * Math.sin(i / 9000);
      const flow = random.gaussian(50, 20);
      const clock = layout === "iso" ? utcFields(time) : berlinFields(time);
      block.push([stamp(clock, layout), cell(power), cell(temperature), cell(flow)].join(separator));
      if (block.length === ROWS_PER_BLOCK) {
        writeSync(file, block.join("\n") + "\n");
        block = [];
      }
    }
    if (block.length > 0) writeSync(file, block.join("\n") + "\n");
  } finally {
    closeSync(file);
  }
  // Only a finished file gets the name the benchmark keeps between runs.
  renameSync(partial, out);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === __filename) {
  const [rows, out, layout = "iso"] = process.argv.slice(2);
  if (!/^\d+$/.test(rows ?? "") || out === undefined || (layout !== "iso" && layout !== "de")) {
    process.stderr.write("usage: tsx bench/make-big-csv.ts ROWS OUT [iso|de]\n");
    process.exitCode = 1;
  } else {
    writeBigCsv(Number(rows), out, layout);
  }
}
