import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";

type Messages = { [key: string]: string | Messages };

/** Every leaf as "a.b.c" → message. */
function flatten(messages: Messages, prefix = ""): Map<string, string> {
  const leaves = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") leaves.set(path, value);
    else for (const [leaf, text] of flatten(value, path)) leaves.set(leaf, text);
  }
  return leaves;
}

/**
 * The ICU arguments of a message with their type, and for plural/select the option keys,
 * e.g. ["count:plural[one|other]", "name:argument"]. Enough ICU for our messages: simple,
 * plural, select and formatted arguments, nested.
 */
function icuArguments(message: string): string[] {
  const found = new Set<string>();
  let at = 0;
  const readUntil = (stops: string) => {
    const start = at;
    while (at < message.length && !stops.includes(message[at])) at++;
    return message.slice(start, at).trim();
  };
  // Reads text and arguments up to the "}" that closes the enclosing option, or the end.
  const readMessage = () => {
    while (at < message.length && message[at] !== "}") {
      if (message[at] === "{") readArgument();
      else at++;
    }
  };
  const readArgument = () => {
    at++; // "{"
    const name = readUntil(",}");
    if (message[at] === "}") {
      at++;
      found.add(`${name}:argument`);
      return;
    }
    at++; // ","
    const type = readUntil(",}");
    if (type === "plural" || type === "select" || type === "selectordinal") {
      at++; // ","
      const options: string[] = [];
      while (at < message.length && message[at] !== "}") {
        options.push(readUntil("{}"));
        if (message[at] !== "{") break;
        at++;
        readMessage();
        at++; // "}" of the option
        while (message[at] === " ") at++;
      }
      at++; // "}" of the argument
      found.add(`${name}:${type}[${options.filter(Boolean).sort().join("|")}]`);
      return;
    }
    readUntil("}");
    at++;
    found.add(`${name}:${type}`);
  };
  readMessage();
  return [...found].sort();
}

const english = flatten(en);
const german = flatten(de);

describe("messages/de.json", () => {
  it("has exactly the keys of messages/en.json", () => {
    const missing = [...english.keys()].filter((key) => !german.has(key));
    const extra = [...german.keys()].filter((key) => !english.has(key));
    expect(missing, "English keys without German").toEqual([]);
    expect(extra, "German keys without English").toEqual([]);
  });

  it("keeps each message's ICU arguments, their types and plural/select options", () => {
    const differing = [...english]
      .filter(([key, text]) => german.has(key) && icuArguments(text).join(" ") !== icuArguments(german.get(key)!).join(" "))
      .map(([key, text]) => ({ key, en: icuArguments(text), de: icuArguments(german.get(key)!) }));
    expect(differing).toEqual([]);
  });

  it("translates: no German message is empty where the English one is not", () => {
    expect([...english].filter(([key, text]) => text !== "" && german.get(key) === "").map(([key]) => key)).toEqual([]);
  });

  it("formats every message in both languages without an ICU error", () => {
    for (const [locale, messages, leaves] of [["en", en, english], ["de", de, german]] as const) {
      const errors: string[] = [];
      const t = createTranslator({ locale, messages, onError: (error) => errors.push(error.message) });
      for (const [key, text] of leaves) {
        const values = Object.fromEntries(icuArguments(text).map((argument) => [argument.split(":")[0], /:(plural|selectordinal|number)/.test(argument) ? 2 : "x"]));
        (t as (key: string, values: Record<string, string | number>) => string)(key, values);
      }
      expect(errors, locale).toEqual([]);
    }
  });
});

describe("the ICU argument reader of this test", () => {
  it("reads simple, plural and select arguments, nested", () => {
    expect(icuArguments("{rows} rows · {points} points")).toEqual(["points:argument", "rows:argument"]);
    expect(icuArguments("{count, plural, one {# row} other {# rows}} skipped: {reason}")).toEqual(["count:plural[one|other]", "reason:argument"]);
    expect(icuArguments("{count, plural, =0 {none} one {# in {role, select, input {input} other {output}}} other {many}}")).toEqual([
      "count:plural[=0|one|other]",
      "role:select[input|other]",
    ]);
    expect(icuArguments("' single")).toEqual([]);
  });
});
