import "server-only";
import { parseChannel } from "@/lib/contracts/channels";
import type { SessionUser } from "@/server/auth/session-user";
import { database } from "@/server/db";
import { findUploadOwner } from "@/server/uploads/upload-records";

/** Whether this user may follow this channel: only their own user channel and their own uploads. */
export async function mayFollowChannel(user: SessionUser, channel: string): Promise<boolean> {
  const target = parseChannel(channel);
  if (!target) return false;
  if (target.kind === "user") return target.id === user.id;
  const db = await database();
  // Under RLS another user's upload is simply not found.
  const owner = await db.asUser(user.id, (sql) => findUploadOwner(sql, target.id));
  return owner === user.id;
}
