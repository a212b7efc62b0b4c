/** A UTC timestamp that sorts as text and is safe in file names: 20261204T183000Z. */
export function utcStamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

const BACKUP_NAME = /^db-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.tar\.gz$/;

/** The name of a database backup taken at `date`: db-<UTC stamp>.tar.gz. */
export function backupFileName(date: Date): string {
  return `db-${utcStamp(date)}.tar.gz`;
}

/** When the backup of this name was taken, or null when the name is not a complete backup's. */
export function backupTakenAt(name: string): Date | null {
  const match = BACKUP_NAME.exec(name);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return utcStamp(date) === name.slice(3, -7) ? date : null;
}
