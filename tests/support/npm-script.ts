import { execFile } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a server entry point the way its npm script does (`tsx --conditions=react-server <file>`) on the given data folder. */
export function runServerScript(file: string, args: string[], dataDir: string, timeoutMs = 300_000): Promise<ScriptRun> {
  return new Promise((resolve) => {
    const env = { ...process.env, CHRONOFRAME_DATA_DIR: dataDir };
    execFile(TSX, ["--conditions=react-server", file, ...args], { cwd: ROOT, env, timeout: timeoutMs }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
