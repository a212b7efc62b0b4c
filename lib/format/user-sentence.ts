/** `steps[2].maxGapMinutes: …`: a message that starts with the path of a field keeps it as written. */
const FIELD_PATH = /^[A-Za-z_$][\w$]*(\[\d+\]|\.[A-Za-z_$][\w$]*)*: /;

/** A core's one-line message as a sentence for the user: capitalised (unless it starts with a field path), ending in a full stop. */
export function userSentence(message: string): string {
  const trimmed = message.trim();
  const text = FIELD_PATH.test(trimmed) ? trimmed : `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}`;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
