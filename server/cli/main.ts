import { CliError } from "./cli-error";

type Command = (argv: string[]) => Promise<void>;

// Each command lives in ./commands/<name>.ts and exports `run`.
const commands: Record<string, () => Promise<{ run: Command }>> = {
  ingest: () => import("./commands/ingest"),
  process: () => import("./commands/process"),
  align: () => import("./commands/align"),
  regress: () => import("./commands/regress"),
  train: () => import("./commands/train"),
  predict: () => import("./commands/predict"),
};

const usage = `usage: npm run cli -- <command> [options]
commands: ${Object.keys(commands).join(", ") || "(none yet)"}`;

async function main(): Promise<number> {
  const [name, ...argv] = process.argv.slice(2);
  if (!name || name === "--help" || name === "-h") {
    process.stdout.write(usage + "\n");
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`chronoframe: unknown command '${name}'\n${usage}\n`);
    return 2;
  }
  try {
    await (await load()).run(argv);
    return 0;
  } catch (error) {
    const message = error instanceof CliError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`chronoframe ${name}: ${message.split("\n")[0]}\n`);
    return 1;
  }
}

main().then((code) => {
  process.exitCode = code;
});
