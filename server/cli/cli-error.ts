/** An error the CLI reports as one line on stderr (exit code 1), never with a stack trace. */
export class CliError extends Error {}
