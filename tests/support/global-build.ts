import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

/** Integration suites run against the production build; make one when there is none. */
export default function ensureBuild(): void {
  const root = path.resolve(__dirname, "..", "..");
  if (existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  const build = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) throw new Error("next build failed");
}
