import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run as ingest } from "@/server/cli/commands/ingest";

/**
 * The corpus of real public exports (tests/fixtures/real): the `ingest` command, in process,
 * on every entry with the flags its source.json names, compared with the expected.csv its
 * reference parser wrote. Entries marked "known-misread" must still differ, so a fix shows up
 * as a failure here until its status is updated.
 */

const CORPUS = path.resolve(__dirname, "..", "fixtures", "real");
const SHOWN_DIFFERENCES = 3;

interface Entry {
  name: string;
  producer: string;
  file: string;
  flags: string[];
  status: "match" | "known-misread";
  misread?: string;
}

interface Outcome {
  output: string;
  /** The CLI's one-line error, when it refused the file. */
  error?: string;
}

function readEntries(): Entry[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((item) => item.isDirectory() && item.name !== "reference")
    .map((item) => {
      const source = JSON.parse(readFileSync(path.join(CORPUS, item.name, "source.json"), "utf8")) as Omit<Entry, "name">;
      return { name: item.name, ...source };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

const entries = readEntries();
const expected = new Map(entries.map((entry) => [entry.name, readFileSync(path.join(CORPUS, entry.name, "expected.csv"), "utf8")]));
const withFlags = new Map<string, Outcome>();
const withoutFlags = new Map<string, Outcome>();
let dir: string;

async function runIngest(entry: Entry, flags: string[], label: string): Promise<Outcome> {
  const out = path.join(dir, `${entry.name}-${label}.csv`);
  try {
    await ingest([path.join(CORPUS, entry.name, entry.file), "--out", out, ...flags]);
    return { output: readFileSync(out, "utf8") };
  } catch (error) {
    return { output: "", error: (error as Error).message };
  }
}

function matches(entry: Entry, outcome: Outcome | undefined): boolean {
  return outcome !== undefined && outcome.error === undefined && outcome.output === expected.get(entry.name);
}

/** The first lines where the output and expected.csv differ, for the log. */
function differences(entry: Entry, outcome: Outcome): string {
  if (outcome.error !== undefined) return `  error: ${outcome.error}`;
  const got = outcome.output.split("\n");
  const want = (expected.get(entry.name) ?? "").split("\n");
  const shown: string[] = [];
  for (let i = 0; i < Math.max(got.length, want.length) && shown.length < SHOWN_DIFFERENCES * 2; i++) {
    if (got[i] === want[i]) continue;
    shown.push(`  line ${i + 1} expected: ${want[i] ?? "(none)"}`, `  line ${i + 1} got:      ${got[i] ?? "(none)"}`);
  }
  return shown.join("\n");
}

function tally(results: Map<string, Outcome>): { total: string; byProducer: string[] } {
  const producers = new Map<string, { matched: number; count: number }>();
  for (const entry of entries) {
    const counts = producers.get(entry.producer) ?? { matched: 0, count: 0 };
    counts.count++;
    if (matches(entry, results.get(entry.name))) counts.matched++;
    producers.set(entry.producer, counts);
  }
  const matched = entries.filter((entry) => matches(entry, results.get(entry.name))).length;
  return {
    total: `${matched}/${entries.length} match`,
    byProducer: [...producers].sort(([a], [b]) => a.localeCompare(b)).map(([producer, counts]) => `  ${producer}: ${counts.matched}/${counts.count}`),
  };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "real-exports-"));
  // The command writes its report to stderr; the comparison needs only the files it writes.
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    for (const entry of entries) {
      withFlags.set(entry.name, await runIngest(entry, entry.flags, "flags"));
      withoutFlags.set(entry.name, await runIngest(entry, [], "bare"));
    }
  } finally {
    process.stderr.write = write;
  }
  const flagged = tally(withFlags);
  const bare = tally(withoutFlags);
  const mismatches = entries.filter((entry) => !matches(entry, withFlags.get(entry.name)));
  console.log(
    [
      `real exports with their flags: ${flagged.total}`,
      ...flagged.byProducer,
      `real exports without flags: ${bare.total}`,
      ...bare.byProducer,
      ...mismatches.map((entry) => `${entry.name} (${entry.status}${entry.misread ? `: ${entry.misread}` : ""})\n${differences(entry, withFlags.get(entry.name) as Outcome)}`),
    ].join("\n"),
  );
}, 600_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("real public exports", () => {
  it("has a corpus of entries with their sources", () => {
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(["match", "known-misread"], entry.name).toContain(entry.status);
      expect(Array.isArray(entry.flags), entry.name).toBe(true);
      if (entry.status === "known-misread") expect(entry.misread, entry.name).toMatch(/\S/);
    }
  });

  it.each(entries.map((entry) => [entry.name, entry] as const))("%s reads as its status says", (_name, entry) => {
    const outcome = withFlags.get(entry.name) as Outcome;
    if (entry.status === "match") {
      expect(outcome.error).toBeUndefined();
      expect(outcome.output).toBe(expected.get(entry.name));
    } else {
      // Still misread: once the importer reads it right, set its status to "match".
      expect(matches(entry, outcome)).toBe(false);
    }
  });
});
