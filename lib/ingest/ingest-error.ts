/** A problem with the input file that the user can act on; its message is one human-readable line. */
export class IngestError extends Error {
  constructor(message: string) {
    // Quoted cells cited in a message may hold line breaks.
    super(message.replace(/\s*[\r\n]+\s*/g, " "));
    this.name = "IngestError";
  }
}
