/** A problem with the input file that the user can act on; its message is one human-readable line. */
export class IngestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IngestError";
  }
}
