import { describe, expect, it } from "vitest";
import { isFinished, jobStatusSchema } from "@/lib/contracts/job-view";

describe("job states", () => {
  it("counts succeeded, failed and cancelled as finished, queued and running as not", () => {
    expect(jobStatusSchema.options.filter(isFinished)).toEqual(["succeeded", "failed", "cancelled"]);
  });
});
