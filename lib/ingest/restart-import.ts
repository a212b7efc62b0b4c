import type { ZoneChoice } from "@/lib/contracts/zone-choice";
import type { ImportOptions } from "./import-options";

/**
 * Thrown by the streaming parser when the whole stream contradicts a guess made on the head
 * (invalid UTF-8 after a valid start, a date proving the other day/month order, the DST
 * changes of another zone); the driver starts again from the first byte with `change`
 * applied, and with `zone` as the zone choice when the whole file decided it.
 */
export class RestartImport extends Error {
  constructor(
    readonly change: Partial<ImportOptions>,
    reason: string,
    readonly zone?: ZoneChoice,
  ) {
    super(reason);
    this.name = "RestartImport";
  }
}
