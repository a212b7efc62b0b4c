import { parseArgs } from "node:util";
import type { ImportOptions } from "@/lib/ingest/import-options";
import { describeZoneChoice } from "@/lib/ingest/describe-zone-choice";
import { summariseReport } from "@/lib/ingest/import-report";
import { formatNormalisedCsv } from "@/lib/series/normalised-csv";
import { ingestFile } from "@/server/ingest/ingest-file";
import { CliError } from "../cli-error";
import { writeOutputAtomically } from "../output-file";

const USAGE =
  "usage: ingest IN --out OUT.csv [--tz ZONE] [--format FMT] [--delimiter D] [--decimal C] [--thousands C] [--missing V]… [--encoding E] [--time-column NAME]… [--date-order dayFirst|monthFirst] [--locale en-US]";

const DELIMITER_NAMES: Record<string, string> = { "\\t": "\t", tab: "\t", comma: ",", semicolon: ";", pipe: "|" };
const THOUSANDS_NAMES: Record<string, string> = { none: "", space: " " };

const STRING_OPTIONS = new Set(["--out", "--tz", "--format", "--delimiter", "--decimal", "--thousands", "--missing", "--encoding", "--time-column", "--date-order", "--locale"]);

/** `--missing -999` as `--missing=-999`: parseArgs would take a value starting with '-' for an option. */
function attachValues(argv: string[]): string[] {
  const attached: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i] === "-o" ? "--out" : argv[i];
    if (STRING_OPTIONS.has(name) && i + 1 < argv.length) attached.push(`${name}=${argv[++i]}`);
    else attached.push(argv[i]);
  }
  return attached;
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: attachValues(argv),
      allowPositionals: true,
      options: {
        out: { type: "string", short: "o" },
        tz: { type: "string" },
        format: { type: "string" },
        delimiter: { type: "string" },
        decimal: { type: "string" },
        thousands: { type: "string" },
        missing: { type: "string", multiple: true },
        encoding: { type: "string" },
        "time-column": { type: "string", multiple: true },
        "date-order": { type: "string" },
        locale: { type: "string" },
      },
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message}; ${USAGE}`);
  }
}

/** `ingest`: detect the layout of a raw export, parse it and write the normalised CSV (docs/cli.md#ingest). */
export async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parse(argv);
  if (positionals.length !== 1 || !values.out) throw new CliError(USAGE);
  const options: Record<string, unknown> = {
    timezone: values.tz,
    timeFormat: values.format,
    delimiter: values.delimiter === undefined ? undefined : (DELIMITER_NAMES[values.delimiter] ?? values.delimiter),
    decimal: values.decimal,
    thousands: values.thousands === undefined ? undefined : (THOUSANDS_NAMES[values.thousands] ?? values.thousands),
    missing: values.missing,
    encoding: values.encoding?.toLowerCase().replace(/^(latin-?1|iso-8859-1|cp1252)$/, "windows-1252").replace(/^utf8$/, "utf-8"),
    timeColumns: values["time-column"]?.map((column) => (/^\d+$/.test(column) ? Number(column) : column)),
    dateOrder: values["date-order"],
    locale: values.locale,
  };
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as ImportOptions;
  const { frame, layout, report } = await ingestFile(positionals[0], given);
  try {
    await writeOutputAtomically(values.out, formatNormalisedCsv(frame));
  } catch (error) {
    throw new CliError(`cannot write ${values.out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const time = layout.time.format || layout.time.kind;
  const zone = layout.time.hasOffset ? "offsets in the file" : (report.zone?.zone ?? "UTC");
  process.stderr.write(`${summariseReport(report)}\n`);
  // The CLI has no user zone: naive times stay UTC (never the machine's zone), and it says so.
  const naive = report.zone !== null && !layout.time.hasOffset;
  if (naive && report.zone?.source === "utc-default") process.stderr.write("ingest: naive times read as UTC; pass --tz ZONE if they are local\n");
  else if (naive && report.zone && report.zone.source !== "option") process.stderr.write(`ingest: ${describeZoneChoice(report.zone)}\n`);
  process.stderr.write(
    `layout: ${layout.encoding}, delimiter ${JSON.stringify(layout.delimiter)}, decimal '${layout.decimal}', time ${time} (${zone})${layout.notes.length ? `; ${layout.notes.join("; ")}` : ""}\n`,
  );
}
