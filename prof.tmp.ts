import { ingestFile } from "@/server/ingest/ingest-file";
import { formatNormalisedCsv } from "@/lib/series/normalised-csv";
import { writeOutputAtomically } from "@/server/cli/output-file";
async function main() {
const t0 = performance.now();
const r = await ingestFile("/tmp/ingest-bench/big-de.csv", { timezone: "Europe/Berlin" });
const t1 = performance.now();
let n = 0; for (const c of formatNormalisedCsv(r.frame)) n += c.length;
const t2 = performance.now();
await writeOutputAtomically("/tmp/ingest-bench/o2.csv", formatNormalisedCsv(r.frame));
const t3 = performance.now();
console.log({ parse: t1 - t0, format: t2 - t1, write: t3 - t2, n, rss: process.memoryUsage().rss / 1e6 });

}
void main();
