import type { ImportOptions } from "./import-options";

/**
 * Thrown by the streaming parser when the whole stream contradicts a guess made on the head
 * (invalid UTF-8 after a valid start, a date proving the other day/month order); the driver
 * starts again from the first byte with `change` applied.
 */
export class RestartImport extends Error {
  constructor(
    readonly change: Partial<ImportOptions>,
    reason: string,
  ) {
    super(reason);
    this.name = "RestartImport";
  }
}
