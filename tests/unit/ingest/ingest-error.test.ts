import { describe, expect, it } from "vitest";
import { IngestError } from "@/lib/ingest/ingest-error";

describe("IngestError", () => {
  it("is an Error with its own name", () => {
    const error = new IngestError("the file is empty");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("IngestError");
    expect(error.message).toBe("the file is empty");
  });
});

describe("IngestError messages", () => {
  it("stay on one line even when they cite a cell with line breaks", () => {
    expect(new IngestError("bad cell 'a\r\n  b'").message).toBe("bad cell 'a b'");
  });
});
