import type { DoctorFinding } from "@/lib/contracts/doctor-report";
import type { UploadStatus } from "@/lib/contracts/upload-view";

/** What the data folder holds, on disk and in the database, as `npm run doctor` read it. */
export interface DataFolderInventory {
  /** Every file under files/, by its path relative to the data folder (files/datasets/<id>.arrow). */
  files: { path: string; sizeBytes: number }[];
  /** Each upload's declared length, from the tus info file (files/uploads/<id>.json). */
  uploadLengths: { id: string; sizeBytes: number }[];
  uploads: { id: string; status: UploadStatus }[];
  datasets: { id: string; name: string; blobKey: string | null }[];
  trainedModels: { id: string; runId: string; modelBlobKey: string; forecastsBlobKey: string }[];
  runningJobs: { id: string; kind: string; lockedUntil: number | null }[];
  now: number;
}

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const UPLOAD_FILE = new RegExp(`^files/uploads/(${UUID})(\\.json)?$`);
const BLOB_FILE = new RegExp(`^files/(datasets/${UUID}\\.arrow|training-runs/${UUID}/(?:model-\\d+\\.json|forecasts-\\d+\\.arrow))$`);
const UNFINISHED_BLOB_WRITE = new RegExp(`^files/(datasets|training-runs/${UUID})/[^/]+\\.tmp-${UUID}$`);
/** Upload rows whose file is still needed, as the cleanup sweep counts them. */
const UPLOAD_KEEPS_FILE = new Set<UploadStatus>(["uploading", "processing", "ready", "failed"]);
/** Upload rows that a worker or a download will read the file of. */
const UPLOAD_READS_FILE = new Set<UploadStatus>(["processing", "ready"]);

type Found = Omit<DoctorFinding, "repaired">;

function orphanFiles(inventory: DataFolderInventory): Found[] {
  const uploads = new Map(inventory.uploads.map((upload) => [upload.id, upload.status]));
  const blobKeys = new Set<string>();
  for (const dataset of inventory.datasets) if (dataset.blobKey) blobKeys.add(dataset.blobKey);
  for (const model of inventory.trainedModels) blobKeys.add(model.modelBlobKey).add(model.forecastsBlobKey);
  const found: Found[] = [];
  for (const { path } of inventory.files) {
    const upload = UPLOAD_FILE.exec(path);
    if (upload) {
      const status = uploads.get(upload[1]);
      if (status && UPLOAD_KEEPS_FILE.has(status)) continue;
      const detail = status ? `a file of upload ${upload[1]}, which is ${status} and no longer needs it` : `a file of upload ${upload[1]}, which has no row in the database`;
      found.push({ kind: "orphan-file", severity: "problem", path, row: null, detail, repair: "move-to-lost-found" });
      continue;
    }
    const blob = BLOB_FILE.exec(path);
    if (blob) {
      if (!blobKeys.has(blob[1])) found.push({ kind: "orphan-file", severity: "problem", path, row: null, detail: "no dataset or trained model in the database refers to this file", repair: "move-to-lost-found" });
      continue;
    }
    if (UNFINISHED_BLOB_WRITE.test(path)) {
      found.push({ kind: "interrupted-write", severity: "problem", path, row: null, detail: "what is left of a write that did not finish", repair: "move-to-lost-found" });
    }
  }
  return found;
}

function rowsWithoutFiles(inventory: DataFolderInventory): Found[] {
  const present = new Map(inventory.files.map((file) => [file.path, file.sizeBytes]));
  const found: Found[] = [];
  for (const upload of inventory.uploads) {
    const path = `files/uploads/${upload.id}`;
    if (UPLOAD_READS_FILE.has(upload.status) && !present.has(path)) {
      found.push({ kind: "missing-file", severity: "problem", path, row: { table: "uploads", id: upload.id }, detail: `the ${upload.status} upload's file is gone`, repair: "mark-upload-failed" });
    }
  }
  for (const dataset of inventory.datasets) {
    const path = dataset.blobKey && `files/${dataset.blobKey}`;
    if (path && !present.has(path)) {
      found.push({ kind: "missing-file", severity: "problem", path, row: { table: "datasets", id: dataset.id }, detail: `dataset "${dataset.name}" has lost its Arrow file: restore it from a copy of the data folder, or delete the dataset`, repair: null });
    }
  }
  for (const model of inventory.trainedModels) {
    for (const [key, what] of [[model.modelBlobKey, "model document"], [model.forecastsBlobKey, "test forecasts"]] as const) {
      if (!present.has(`files/${key}`)) {
        found.push({ kind: "missing-file", severity: "problem", path: `files/${key}`, row: { table: "trained_models", id: model.id }, detail: `a trained model of run ${model.runId} has lost its ${what}: train the run again`, repair: null });
      }
    }
  }
  return found;
}

function unfinishedWork(inventory: DataFolderInventory): Found[] {
  const present = new Map(inventory.files.map((file) => [file.path, file.sizeBytes]));
  const declared = new Map(inventory.uploadLengths.map((upload) => [upload.id, upload.sizeBytes]));
  const found: Found[] = [];
  for (const upload of inventory.uploads) {
    const length = declared.get(upload.id);
    const path = `files/uploads/${upload.id}`;
    if (upload.status === "uploading" && length !== undefined && present.get(path) === length) {
      found.push({ kind: "complete-upload-not-finished", severity: "problem", path, row: { table: "uploads", id: upload.id }, detail: `all ${length} bytes arrived but the upload still says uploading: its check never started`, repair: null });
    }
  }
  for (const job of inventory.runningJobs) {
    if (job.lockedUntil === null || job.lockedUntil < inventory.now) {
      found.push({ kind: "expired-lease", severity: "notice", path: null, row: { table: "jobs", id: job.id }, detail: `the ${job.kind} job says running but its worker's lease has expired: the job runner retries it when the server runs`, repair: null });
    }
  }
  return found;
}

/** Compares the files of the data folder with the rows of its database: what is orphaned, lost or stuck. */
export function classifyDataFolder(inventory: DataFolderInventory): DoctorFinding[] {
  return [...orphanFiles(inventory), ...rowsWithoutFiles(inventory), ...unfinishedWork(inventory)].map((finding) => ({ ...finding, repaired: false }));
}
