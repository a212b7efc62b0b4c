import { describe, expect, it } from "vitest";
import { doctorReportSchema } from "@/lib/contracts/doctor-report";
import { classifyDataFolder, type DataFolderInventory } from "@/lib/recovery/classify-data-folder";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const NOW = Date.UTC(2026, 11, 4, 12);
const RUN = id(90);

function healthy(): DataFolderInventory {
  return {
    files: [
      { path: `files/uploads/${id(1)}`, sizeBytes: 10 },
      { path: `files/uploads/${id(1)}.json`, sizeBytes: 200 },
      { path: `files/datasets/${id(2)}.arrow`, sizeBytes: 500 },
      { path: `files/training-runs/${RUN}/model-1.json`, sizeBytes: 50 },
      { path: `files/training-runs/${RUN}/forecasts-1.arrow`, sizeBytes: 80 },
      { path: "files/uploads/notes.txt", sizeBytes: 3 },
    ],
    uploadLengths: [{ id: id(1), sizeBytes: 10 }],
    uploads: [{ id: id(1), status: "ready" }],
    datasets: [{ id: id(2), name: "meter.csv", blobKey: `datasets/${id(2)}.arrow` }],
    trainedModels: [{ id: id(3), runId: RUN, modelBlobKey: `training-runs/${RUN}/model-1.json`, forecastsBlobKey: `training-runs/${RUN}/forecasts-1.arrow` }],
    runningJobs: [{ id: id(4), kind: "train-models", lockedUntil: NOW + 30_000 }],
    now: NOW,
  };
}

describe("classifying the data folder against its database", () => {
  it("finds nothing in a folder whose files and rows match (other files are left alone)", () => {
    expect(classifyDataFolder(healthy())).toEqual([]);
  });

  it("finds files no row refers to, and what is left of unfinished writes, to move to lost+found", () => {
    const inventory = healthy();
    inventory.files.push(
      { path: `files/uploads/${id(11)}`, sizeBytes: 4 },
      { path: `files/datasets/${id(12)}.arrow`, sizeBytes: 4 },
      { path: `files/datasets/${id(2)}.arrow.tmp-${id(13)}`, sizeBytes: 4 },
      { path: `files/training-runs/${RUN}/model-2.json`, sizeBytes: 4 },
    );
    inventory.uploads.push({ id: id(14), status: "expired" });
    inventory.files.push({ path: `files/uploads/${id(14)}.json`, sizeBytes: 4 });
    const found = classifyDataFolder(inventory);
    expect(found.map((one) => [one.kind, one.path, one.repair])).toEqual([
      ["orphan-file", `files/uploads/${id(11)}`, "move-to-lost-found"],
      ["orphan-file", `files/datasets/${id(12)}.arrow`, "move-to-lost-found"],
      ["interrupted-write", `files/datasets/${id(2)}.arrow.tmp-${id(13)}`, "move-to-lost-found"],
      ["orphan-file", `files/training-runs/${RUN}/model-2.json`, "move-to-lost-found"],
      ["orphan-file", `files/uploads/${id(14)}.json`, "move-to-lost-found"],
    ]);
    expect(found[4].detail).toContain("expired");
    expect(found.every((one) => one.severity === "problem" && !one.repaired && one.row === null)).toBe(true);
  });

  it("finds rows whose files are gone: a ready upload can be marked failed, a dataset or model needs a person", () => {
    const inventory = healthy();
    inventory.files = [];
    const found = classifyDataFolder(inventory);
    expect(found.map((one) => [one.kind, one.row, one.repair])).toEqual([
      ["missing-file", { table: "uploads", id: id(1) }, "mark-upload-failed"],
      ["missing-file", { table: "datasets", id: id(2) }, null],
      ["missing-file", { table: "trained_models", id: id(3) }, null],
      ["missing-file", { table: "trained_models", id: id(3) }, null],
    ]);
    expect(found[1].detail).toContain('"meter.csv"');
    expect(found[2].detail).toContain("model document");
    expect(found[3].detail).toContain("test forecasts");
  });

  it("does not miss a file of an upload that never needed one", () => {
    const inventory = healthy();
    inventory.uploads.push({ id: id(20), status: "cancelled" }, { id: id(21), status: "uploading" }, { id: id(22), status: "failed" });
    expect(classifyDataFolder(inventory)).toEqual([]);
  });

  it("finds an upload whose bytes all arrived while its row still says uploading", () => {
    const inventory = healthy();
    inventory.uploads.push({ id: id(30), status: "uploading" }, { id: id(31), status: "uploading" });
    inventory.files.push({ path: `files/uploads/${id(30)}`, sizeBytes: 64 }, { path: `files/uploads/${id(31)}`, sizeBytes: 10 });
    inventory.uploadLengths.push({ id: id(30), sizeBytes: 64 }, { id: id(31), sizeBytes: 64 });
    const found = classifyDataFolder(inventory);
    expect(found.map((one) => [one.kind, one.row?.id, one.repair])).toEqual([["complete-upload-not-finished", id(30), null]]);
  });

  it("notes running jobs whose lease has expired, without calling the folder unhealthy", () => {
    const inventory = healthy();
    inventory.runningJobs.push({ id: id(40), kind: "check-upload", lockedUntil: NOW - 1 }, { id: id(41), kind: "import", lockedUntil: null });
    const found = classifyDataFolder(inventory);
    expect(found.map((one) => [one.kind, one.severity, one.row?.id])).toEqual([
      ["expired-lease", "notice", id(40)],
      ["expired-lease", "notice", id(41)],
    ]);
    expect(doctorReportSchema.parse({ dataDir: "/d", healthy: true, findings: found, lostAndFound: null }).findings).toHaveLength(2);
  });
});
