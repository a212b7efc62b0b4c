import { describe, expect, it } from "vitest";
import { jobChannel, parseChannel, uploadChannel, userChannel } from "@/lib/contracts/channels";

const id = "3f2b8c1e-5a4d-4e6f-9a7b-1c2d3e4f5a6b";

describe("channel names", () => {
  it("round-trips upload, user and job channels", () => {
    expect(parseChannel(uploadChannel(id))).toEqual({ kind: "upload", id });
    expect(parseChannel(jobChannel(id))).toEqual({ kind: "job", id });
    expect(parseChannel(userChannel(id))).toEqual({ kind: "user", id });
  });

  it("rejects anything that is not exactly a known channel of a UUID", () => {
    for (const name of ["private-upload-", `upload-${id}`, `private-upload-${id}x`, `private-dataset-${id}`, `private-job-${id}/x`, `private-upload-${id.toUpperCase()}`, `private-upload-../${id}`]) {
      expect(parseChannel(name)).toBeNull();
    }
  });
});
