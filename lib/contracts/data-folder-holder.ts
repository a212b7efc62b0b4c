import { z } from "zod";

/**
 * What the process holding an embedded data folder answers a peer that connects to its lock:
 * enough for the peer to say plainly who is using the folder.
 */
export const dataFolderHolderSchema = z.object({
  pid: z.number().int().positive(),
  /** The HTTP port, when the holder is a web server. */
  port: z.number().int().positive().nullable(),
  /** What the holder is: "web server", "db:migrate", … */
  role: z.string().min(1).max(100),
  startedAt: z.string(),
});
export type DataFolderHolder = z.infer<typeof dataFolderHolderSchema>;

/** The message a second process prints before it exits, touching nothing. */
export function folderInUseMessage(folder: string, holder: DataFolderHolder | null): string {
  if (!holder) return `Another Chronoframe is using ${folder}`;
  return `Another Chronoframe (pid ${holder.pid}, ${holder.port === null ? holder.role : `port ${holder.port}`}) is using ${folder}`;
}
