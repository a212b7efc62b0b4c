/**
 * Live-update channel names. Pusher requires the `private-` prefix for channels that need
 * authorisation; SSE uses the same names so both transports share one vocabulary.
 */
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const CHANNEL = new RegExp(`^private-(upload|user|job)-(${UUID})$`);

export type ChannelTarget = { kind: "upload" | "user" | "job"; id: string };

export const uploadChannel = (uploadId: string) => `private-upload-${uploadId}`;
export const userChannel = (userId: string) => `private-user-${userId}`;
export const jobChannel = (jobId: string) => `private-job-${jobId}`;

export function parseChannel(name: string): ChannelTarget | null {
  const match = CHANNEL.exec(name);
  return match ? { kind: match[1] as ChannelTarget["kind"], id: match[2] } : null;
}

export const UPLOAD_EVENT = "upload";
