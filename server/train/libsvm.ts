import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import type { SvmModule } from "@/lib/train/models/svr";

/**
 * Loads libsvm-js's WebAssembly build once. Its CommonJS export is a promise of the SVM
 * class; `require` is used because an ESM import of a module whose export is a promise
 * yields a thenable namespace that cannot be awaited. Its Emscripten loader first tries
 * `fetch` on a file path, which fails in Node and falls back to reading the file; the two
 * warnings it prints about that are dropped while loading.
 */
let loading: Promise<SvmModule> | null = null;

const LOADER_NOISE = /^(wasm streaming compile failed|falling back to ArrayBuffer instantiation)/;

export function loadLibsvm(): Promise<SvmModule> {
  loading ??= (async () => {
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (!(typeof args[0] === "string" && LOADER_NOISE.test(args[0]))) warn(...args);
    };
    try {
      return await (createRequire(path.join(process.cwd(), "package.json"))("libsvm-js") as Promise<SvmModule>);
    } finally {
      console.warn = warn;
    }
  })();
  return loading;
}
