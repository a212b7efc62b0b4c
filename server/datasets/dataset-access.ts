import "server-only";
import type { DatasetDetail } from "@/lib/contracts/dataset-view";
import { datasetIdSchema } from "@/lib/contracts/dataset-view";
import type { Frame } from "@/lib/series/frame";
import type { SessionUser } from "@/server/auth/session-user";
import { database } from "@/server/db";
import { findDataset } from "./dataset-records";
import { loadDatasetFrame } from "./dataset-frames";

export type OwnDataset = DatasetDetail & { blobKey: string };

/** The user's dataset with this id, read under RLS; null for a malformed id, another user's or an unknown one. */
export async function findOwnDataset(user: SessionUser, id: string): Promise<OwnDataset | null> {
  if (!datasetIdSchema.safeParse(id).success) return null;
  const db = await database();
  return db.asUser(user.id, (sql) => findDataset(sql, id));
}

export async function openOwnDataset(user: SessionUser, id: string): Promise<{ dataset: OwnDataset; frame: Frame } | null> {
  const dataset = await findOwnDataset(user, id);
  if (!dataset) return null;
  return { dataset, frame: await loadDatasetFrame(dataset.blobKey) };
}

/** The dataset id of a route like /api/datasets/<id>/…, unvalidated (findOwnDataset validates). */
export function datasetIdOf(request: Request): string {
  return decodeURIComponent(new URL(request.url).pathname.split("/")[3] ?? "");
}
