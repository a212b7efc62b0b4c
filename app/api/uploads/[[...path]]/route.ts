import { refusedRequest } from "@/server/http/request-policy";
import { handleUploadRequest } from "@/server/uploads/tus-server";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Uploads bypass proxy.ts (it would buffer their bodies), so the host and origin checks run here.
// tus's handler is an unbound method: call it inside a function, never export it directly.
const handle = (request: Request) => refusedRequest(request) ?? handleUploadRequest(request);

export { handle as GET, handle as POST, handle as PATCH, handle as HEAD, handle as DELETE, handle as OPTIONS };
