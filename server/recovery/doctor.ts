import "server-only";
import { mkdir, readdir, readFile, rename, stat } from "node:fs/promises";
import path from "node:path";
import type { DoctorFinding, DoctorReport } from "@/lib/contracts/doctor-report";
import type { UploadStatus } from "@/lib/contracts/upload-view";
import { utcStamp } from "@/lib/recovery/backup-file-name";
import { classifyDataFolder, type DataFolderInventory } from "@/lib/recovery/classify-data-folder";
import type { Database } from "@/server/db/database";
import { setUploadStatus } from "@/server/uploads/upload-records";

/** Every file under `dir`, by its path relative to `root` with `/` separators. */
async function filesUnder(root: string, dir: string): Promise<{ path: string; sizeBytes: number }[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: { path: string; sizeBytes: number }[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(root, full)));
    else if (entry.isFile()) files.push({ path: path.relative(root, full).split(path.sep).join("/"), sizeBytes: (await stat(full)).size });
  }
  return files;
}

/** The declared length tus keeps in `<id>.json`; an unreadable info file declares nothing. */
async function uploadLengths(dataDir: string, files: { path: string }[]): Promise<DataFolderInventory["uploadLengths"]> {
  const lengths: DataFolderInventory["uploadLengths"] = [];
  for (const file of files) {
    const match = /^files\/uploads\/([0-9a-f-]{36})\.json$/.exec(file.path);
    if (!match) continue;
    try {
      const info = JSON.parse(await readFile(path.join(dataDir, file.path), "utf8")) as { size?: unknown };
      if (typeof info.size === "number") lengths.push({ id: match[1], sizeBytes: info.size });
    } catch {
      // A damaged info file: the upload cannot be resumed either way, and the row decides.
    }
  }
  return lengths;
}

/** What the data folder holds on disk and in its database. */
export async function inspectDataFolder(dataDir: string, db: Database): Promise<DataFolderInventory> {
  const files = await filesUnder(dataDir, path.join(dataDir, "files"));
  const rows = await db.asService(async (sql) => ({
    uploads: await sql.query<{ id: string; status: UploadStatus }>("select id::text, status from uploads"),
    datasets: await sql.query<{ id: string; name: string; blobKey: string | null }>(`select id::text, name, blob_key as "blobKey" from datasets`),
    trainedModels: await sql.query<DataFolderInventory["trainedModels"][number]>(
      `select id::text, run_id::text as "runId", model_blob_key as "modelBlobKey", forecasts_blob_key as "forecastsBlobKey" from trained_models`,
    ),
    runningJobs: (await sql.query<{ id: string; kind: string; locked_until: Date | string | null }>("select id::text, kind, locked_until from jobs where status = 'running'")).map((job) => ({
      id: job.id,
      kind: job.kind,
      lockedUntil: job.locked_until === null ? null : new Date(job.locked_until).getTime(),
    })),
  }));
  return { files, uploadLengths: await uploadLengths(dataDir, files), ...rows, now: Date.now() };
}

const MISSING_UPLOAD_MESSAGE = "The uploaded file is missing from the data folder: upload it again.";

/**
 * Does the safe repairs: files go to `lost+found/<UTC time>/` under their own relative path
 * (never deleted), uploads whose file is gone are marked failed with the reason. Findings
 * without a safe repair are left as they are.
 */
export async function repairFindings(dataDir: string, db: Database, findings: DoctorFinding[], now = new Date()): Promise<{ findings: DoctorFinding[]; lostAndFound: string | null }> {
  const lostAndFound = path.join("lost+found", utcStamp(now));
  let moved = false;
  const repaired: DoctorFinding[] = [];
  for (const finding of findings) {
    if (finding.repair === "move-to-lost-found" && finding.path) {
      const target = path.join(dataDir, lostAndFound, finding.path);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(path.join(dataDir, finding.path), target);
      moved = true;
      repaired.push({ ...finding, repaired: true });
    } else if (finding.repair === "mark-upload-failed" && finding.row) {
      const id = finding.row.id;
      await db.asService((sql) => setUploadStatus(sql, id, "failed", MISSING_UPLOAD_MESSAGE));
      repaired.push({ ...finding, repaired: true });
    } else {
      repaired.push(finding);
    }
  }
  return { findings: repaired, lostAndFound: moved ? lostAndFound : null };
}

/** `npm run doctor`: checks the data folder against its database, and repairs what is safe when asked. */
export async function runDoctor(dataDir: string, db: Database, options: { repair: boolean }): Promise<DoctorReport> {
  const found = classifyDataFolder(await inspectDataFolder(dataDir, db));
  const { findings, lostAndFound } = options.repair ? await repairFindings(dataDir, db, found) : { findings: found, lostAndFound: null };
  const healthy = findings.every((finding) => finding.severity === "notice" || finding.repaired);
  return { dataDir, healthy, findings, lostAndFound };
}

/** The short report for a person. */
export function describeReport(report: DoctorReport, repairCommand: string): string {
  const lines = [`Chronoframe doctor: ${report.dataDir}`];
  for (const finding of report.findings) {
    const subject = finding.path ?? `${finding.row?.table} ${finding.row?.id}`;
    const outcome = finding.repaired ? (finding.repair === "move-to-lost-found" ? ` → moved to ${report.lostAndFound}/` : " → marked failed") : "";
    lines.push(`  ${finding.severity === "problem" ? "problem" : "notice "} ${finding.kind}: ${subject}: ${finding.detail}${outcome}`);
  }
  const problems = report.findings.filter((finding) => finding.severity === "problem");
  const open = problems.filter((finding) => !finding.repaired);
  const repairable = open.filter((finding) => finding.repair !== null);
  if (problems.length === 0) lines.push("healthy: every file has its row and every row its file");
  else if (open.length === 0) lines.push(`repaired ${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing was deleted`);
  else {
    const hint = repairable.length > 0 ? `; ${repairable.length} can be repaired safely with ${repairCommand}` : "";
    lines.push(`${open.length} problem${open.length === 1 ? "" : "s"} left${hint}`);
  }
  return lines.join("\n");
}
