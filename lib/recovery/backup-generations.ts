import { backupTakenAt } from "./backup-file-name";

export interface BackupGenerations {
  /** Backups by name, newest first. */
  backups: { name: string; takenAt: Date }[];
  /** Those beyond the `keep` newest, to remove. */
  prune: string[];
}

/** Sorts the backups among `names` (other names are ignored) and says which to remove to keep `keep`. */
export function backupGenerations(names: readonly string[], keep: number): BackupGenerations {
  const backups = names
    .map((name) => ({ name, takenAt: backupTakenAt(name) }))
    .filter((one): one is { name: string; takenAt: Date } => one.takenAt !== null)
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  return { backups, prune: backups.slice(Math.max(keep, 0)).map((one) => one.name) };
}
