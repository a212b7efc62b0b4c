import { describe, expect, it } from "vitest";
import { newerOf } from "@/lib/contracts/newer-upload-state";
import type { UploadView } from "@/lib/contracts/upload-view";

const base: UploadView = {
  id: "3f2b8c1e-5a4d-4e6f-9a7b-1c2d3e4f5a6b",
  filename: "a.csv",
  sizeBytes: 10,
  status: "processing",
  message: null,
  sha256: null,
  lineCount: null,
  encoding: null,
  delimiter: null,
  createdAt: "2024-03-31T00:00:00.000Z",
  updatedAt: "2024-03-31T00:00:01.000Z",
  expiresAt: "2024-04-01T00:00:00.000Z",
  job: { id: "9f2b8c1e-5a4d-4e6f-9a7b-1c2d3e4f5a6b", kind: "check-upload", status: "running", stage: "checking", progress: 0.5, message: null, seq: 3, attempt: 1, maxAttempts: 3, datasetId: null },
  canRetry: false,
};

describe("newerOf", () => {
  const ready: UploadView = { ...base, status: "ready", updatedAt: "2024-03-31T00:00:02.000Z", job: { ...base.job!, status: "succeeded", stage: "done", progress: 1, seq: 4 } };

  it("keeps a later state when an older list read arrives after it", () => {
    expect(newerOf(ready, base)).toBe(ready);
    expect(newerOf(base, ready)).toBe(ready);
  });

  it("orders progress within one row update by the job's sequence", () => {
    const further = { ...base, job: { ...base.job!, progress: 0.8, seq: 5 } };
    expect(newerOf(further, base)).toBe(further);
    expect(newerOf(base, further)).toBe(further);
  });

  it("takes the incoming state when nothing is known yet", () => {
    expect(newerOf(undefined, base)).toBe(base);
  });
});
