import { CompiledDateTimeFormat } from "./compile-datetime-format";

const compiled = new Map<string, CompiledDateTimeFormat>();

/** The compiled parser of a strftime format, compiled once per process. */
export function compileCached(format: string): CompiledDateTimeFormat {
  let parser = compiled.get(format);
  if (!parser) {
    parser = new CompiledDateTimeFormat(format);
    compiled.set(format, parser);
  }
  return parser;
}
