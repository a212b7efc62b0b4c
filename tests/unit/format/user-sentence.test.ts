import { describe, expect, it } from "vitest";
import { userSentence } from "@/lib/format/user-sentence";

describe("userSentence", () => {
  it("capitalises a plain message and ends it with a full stop", () => {
    expect(userSentence("no timestamp has a value in both 'x' and 'y'")).toBe("No timestamp has a value in both 'x' and 'y'.");
    expect(userSentence("line 5: the date does not match")).toBe("Line 5: the date does not match.");
  });

  it("keeps a leading field path as written", () => {
    expect(userSentence("series[0].method: meter.csv needs a method")).toBe("series[0].method: meter.csv needs a method.");
    expect(userSentence("yColumn: no column 'Q'")).toBe("yColumn: no column 'Q'.");
  });

  it("adds nothing to a message that already ends a sentence", () => {
    expect(userSentence("The file is empty.")).toBe("The file is empty.");
    expect(userSentence("Really?")).toBe("Really?");
  });
});
