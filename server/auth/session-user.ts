import "server-only";

export interface SessionUser {
  id: string;
  email: string | null;
}

/** The one user of the embedded mode: no sign-in, the server binds to localhost. */
export const LOCAL_USER: SessionUser = { id: "00000000-0000-4000-8000-000000000001", email: null };

export class UnauthorizedError extends Error {
  constructor() {
    super("Sign in to continue.");
  }
}
