import "server-only";
import { loadConfig, type Config } from "./load-config";

const CONFIG = Symbol.for("chronoframe.config");
type Holder = typeof globalThis & { [CONFIG]?: Config };

/** The process's configuration, read from the environment once. */
export function config(): Config {
  const holder = globalThis as Holder;
  holder[CONFIG] ??= loadConfig(process.env);
  return holder[CONFIG];
}

export type { Config } from "./load-config";
