import "server-only";
import { parseChannel } from "@/lib/contracts/channels";
import type { SessionUser } from "@/server/auth/session-user";
import { database } from "@/server/db";
import { findJobDetail } from "@/server/jobs/job-detail";
import { findUploadOwner } from "@/server/uploads/upload-records";

/** Whether this user may follow this channel: only their own user channel, uploads and jobs. */
export async function mayFollowChannel(user: SessionUser, channel: string): Promise<boolean> {
  const target = parseChannel(channel);
  if (!target) return false;
  if (target.kind === "user") return target.id === user.id;
  const db = await database();
  // Under RLS another user's upload or job is simply not found.
  if (target.kind === "job") return (await db.asUser(user.id, (sql) => findJobDetail(sql, target.id)))?.ownerId === user.id;
  const owner = await db.asUser(user.id, (sql) => findUploadOwner(sql, target.id));
  return owner === user.id;
}
