import "server-only";
import path from "node:path";

/** The command a person types to run `script` on this data folder (naming the folder when it is not the default). */
export function commandFor(dataDir: string, script: string): string {
  const prefix = dataDir === path.resolve(".data") ? "" : `CHRONOFRAME_DATA_DIR=${dataDir} `;
  return `\`${prefix}npm run ${script}\``;
}
