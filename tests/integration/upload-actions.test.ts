import { describe } from "vitest";
import { checkUploadHandler } from "@/server/uploads/check-upload-handler";
import { CHECK_UPLOAD_JOB } from "@/server/uploads/job-kinds";
import { inProcessApp } from "../support/in-process-app";
import { describeUploadActions } from "../support/upload-actions-spec";

describe("uploads never stranded, on PGlite: completion, Remove, Retry, recognition", () => {
  describeUploadActions(inProcessApp("upload-actions", { [CHECK_UPLOAD_JOB]: checkUploadHandler }));
});
