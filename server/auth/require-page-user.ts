import "server-only";
import { redirect } from "next/navigation";
import { currentUser } from "./current-user";
import type { SessionUser } from "./session-user";

/** For pages: the signed-in user, or a redirect to sign-in that comes back here afterwards. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}
