import { AlignForm } from "@/components/align-form";
import { liveTransport } from "@/server/config/live-transport";
import { AnalysisPage, analysisSources } from "../analysis-page";

export const dynamic = "force-dynamic";

export default async function AlignPage() {
  const sources = await analysisSources("/analyses/align");
  return (
    <AnalysisPage section="align">
      <AlignForm sources={sources} transport={liveTransport()} />
    </AnalysisPage>
  );
}
