import { readFileSync } from "node:fs";
import { FieldBuffer, scanRecord } from "@/lib/ingest/scan-record";
const buf = readFileSync("/tmp/ingest-bench/big-de.csv");
const text = new TextDecoder().decode(buf);
function run(label: string, s: string) {
  const f = new FieldBuffer(); let pos = 0, n = 0; const t0 = performance.now();
  while (pos < s.length) { const nx = scanRecord(s, pos, 59, 34, f, true); pos = nx; n++; }
  console.log(label, performance.now() - t0, n);
}
run("flat", text);
const cons = "x" + text; run("cons", cons);
const cons2 = "x" + text; Number(cons2); run("cons-flattened", cons2);
