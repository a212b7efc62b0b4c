// Prepares an app data folder for browser tests of training runs, before the app starts:
// imports a sample file as a dataset of the local user, creates training projects over it
// and queues a run of those marked `train` (the app's job runner trains them once it starts).
// Run with: tsx --conditions=react-server tests/support/seed-training.ts <seed.json>
// where the JSON file holds { dataDir, sample, timezone, projects: [{ name, config, train }] };
// "$dataset" in a config stands for the new dataset's id.
// Prints { datasetId, projects: [{ projectId, runId? }] }.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { analyseSeries } from "@/lib/analysis/analyse-series";
import { LOCAL_USER } from "@/server/auth/session-user";
import { frameToArrow } from "@/server/datasets/arrow-frame";
import { insertDataset } from "@/server/datasets/dataset-records";
import { database } from "@/server/db";
import { ingestFile } from "@/server/ingest/ingest-file";
import { blobStore, datasetBlobKey } from "@/server/storage/blob-store";
import { startTrainingJob } from "@/server/train/start-training";

interface Seed {
  dataDir: string;
  sample: string;
  timezone: string;
  projects: { name: string; config: unknown; train: boolean }[];
}

async function main(): Promise<void> {
  const seed = JSON.parse(await readFile(process.argv[2], "utf8")) as Seed;
  process.env.CHRONOFRAME_DATA_DIR = seed.dataDir;
  const db = await database();
  const { frame, layout, report } = await ingestFile(seed.sample, { timezone: seed.timezone });
  const datasetId = randomUUID();
  const key = datasetBlobKey(datasetId);
  const sizeBytes = await blobStore().put(key, frameToArrow(frame));
  await db.asService((sql) =>
    insertDataset(sql, {
      id: datasetId,
      ownerId: LOCAL_USER.id,
      uploadId: null as unknown as string,
      name: path.basename(seed.sample),
      blobKey: key,
      sizeBytes,
      rowCount: frame.time.length,
      columns: frame.columns.map((column) => (column.unit ? { name: column.name, unit: column.unit } : { name: column.name })),
      importOptions: { timezone: seed.timezone },
      layout,
      report,
      analysis: analyseSeries(frame),
    }),
  );
  const projects: { projectId: string; runId?: string }[] = [];
  for (const project of seed.projects) {
    const projectId = randomUUID();
    const config = JSON.parse(JSON.stringify(project.config).replaceAll('"$dataset"', JSON.stringify(datasetId)));
    await db.asService((sql) =>
      sql.query("insert into training_projects (id, owner_id, name, config) values ($1, $2, $3, $4::text::jsonb)", [projectId, LOCAL_USER.id, project.name, JSON.stringify(config)]),
    );
    if (!project.train) {
      projects.push({ projectId });
      continue;
    }
    const started = await startTrainingJob(LOCAL_USER, projectId);
    if (!started.ok) throw new Error(started.error);
    projects.push({ projectId, runId: started.runId });
  }
  await db.close();
  process.stdout.write(JSON.stringify({ datasetId, projects }) + "\n");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
