// `npm run test:unit|test:integration|test:pg`: runs one vitest project with TZ pinned to a zone
// that is not UTC. Node 24's V8 can abort a process that creates and frees many WebAssembly
// modules (PGlite, tfjs-wasm) with "Check failed: jit_page_->allocations_.erase(addr) == 1"
// (nodejs/node#64500, open upstream). When that abort, and nothing else, failed the run, the
// test files it killed are run once more, and the abort is reported; any failing test still
// fails the run at once.
import { spawn } from "node:child_process";
import path from "node:path";

const V8_ABORT = "Check failed: jit_page_->allocations_.erase(addr) == 1";
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const vitest = path.join(root, "node_modules", "vitest", "vitest.mjs");
const [project, ...rest] = process.argv.slice(2);

function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitest, "run", "--project", project, ...args], {
      cwd: root,
      env: { ...process.env, TZ: "America/Los_Angeles" },
      stdio: ["inherit", "pipe", "pipe"],
    });
    let output = "";
    const keep = (stream, target) =>
      stream.on("data", (chunk) => {
        output += chunk.toString();
        target.write(chunk);
      });
    keep(child.stdout, process.stdout);
    keep(child.stderr, process.stderr);
    child.on("exit", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** The test files whose worker died of the V8 abort, when no test failed; null otherwise. */
function abortedFiles(output) {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, "");
  if (!plain.includes(V8_ABORT) || /^\s*Tests\s.*\d+ failed/m.test(plain)) return null;
  const files = [...plain.matchAll(/Worker exited unexpectedly with signal \w+ during \w+ state while running test file (\S+)/g)].map((match) => match[1]);
  return files.length > 0 ? [...new Set(files)] : null;
}

const first = await run(rest);
const files = first.code === 0 ? null : abortedFiles(first.output);
if (!files) process.exit(first.code);
console.error(`\nvitest-run: V8 aborted (${V8_ABORT}; nodejs/node#64500) while running ${files.join(", ")}; running ${files.length === 1 ? "it" : "them"} once more.\n`);
const second = await run(files.map((file) => path.relative(root, file)));
process.exit(second.code);
