// Outside Next.js, the "server-only" marker has nothing to guard: tests and the CLI run on the server.
export {};
