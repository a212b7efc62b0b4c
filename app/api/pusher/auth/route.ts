import { z } from "zod";
import { config } from "@/server/config";
import { jsonError, withUser } from "@/server/http/route-handler";
import { mayFollowChannel } from "@/server/progress/channel-access";
import { pusherClient } from "@/server/progress/publisher";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const authSchema = z.object({
  socket_id: z.string().regex(/^\d+\.\d+$/, "not a Pusher socket id"),
  channel_name: z.string().min(1).max(200),
});

/** Pusher's private-channel authorisation: signs `socket_id:channel_name` only for the channel's owner. */
export const POST = withUser(async (request, user) => {
  if (config().progress.kind !== "pusher") return jsonError(404, "Live updates use Server-Sent Events in this deployment.");
  const form = Object.fromEntries(new URLSearchParams(await request.text()));
  const { socket_id, channel_name } = authSchema.parse(form);
  if (!(await mayFollowChannel(user, channel_name))) return jsonError(403, "You cannot follow this channel.");
  return Response.json(pusherClient().authorizeChannel(socket_id, channel_name));
});
