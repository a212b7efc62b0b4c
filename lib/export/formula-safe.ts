/**
 * A text cell that a spreadsheet will not run as a formula: text starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return gets a leading apostrophe (OWASP's CSV injection
 * advice). Only for text cells: numbers are written as numbers, negative ones included.
 */
export function formulaSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A CSV field: quoted when it holds the delimiter, a quote or a line break. */
export function csvField(text: string, delimiter: string): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
