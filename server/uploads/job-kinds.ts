import "server-only";

export const CHECK_UPLOAD_JOB = "check-upload";
