import { describe, expect, it } from "vitest";
import { pickLocale } from "@/lib/i18n/pick-locale";

describe("pickLocale", () => {
  it("takes the user's choice from the cookie over the browser's languages", () => {
    expect(pickLocale("en", "de-DE,de;q=0.9")).toBe("en");
    expect(pickLocale("de", "en-US")).toBe("de");
  });

  it("ignores a cookie that names no known locale", () => {
    expect(pickLocale("fr", "de-DE")).toBe("de");
    expect(pickLocale("", null)).toBe("en");
  });

  it("follows Accept-Language: any German variant is German", () => {
    expect(pickLocale(undefined, "de-DE,de;q=0.9,en;q=0.8")).toBe("de");
    expect(pickLocale(undefined, "de-AT")).toBe("de");
    expect(pickLocale(undefined, "DE")).toBe("de");
    expect(pickLocale(undefined, "en-GB,en;q=0.9,de;q=0.8")).toBe("en");
  });

  it("ranks by q-value and skips languages it does not have", () => {
    expect(pickLocale(undefined, "fr-FR,fr;q=0.9,de;q=0.8,en;q=0.7")).toBe("de");
    expect(pickLocale(undefined, "en;q=0.5,de;q=0.9")).toBe("de");
    expect(pickLocale(undefined, "de;q=0,en;q=0.1")).toBe("en");
  });

  it("falls back to English without a usable header", () => {
    expect(pickLocale(undefined, undefined)).toBe("en");
    expect(pickLocale(undefined, "*")).toBe("en");
    expect(pickLocale(undefined, "fr, it;q=0.5")).toBe("en");
  });
});
