import { ComingNext } from "@/components/coming-next";
import { requirePageUser } from "@/server/auth/require-page-user";

export const dynamic = "force-dynamic";

export default async function AnalysesPage() {
  await requirePageUser("/analyses");
  return <ComingNext section="analyses" />;
}
