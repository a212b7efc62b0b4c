import { RegressionBandWorkspace } from "@/components/regression-band-workspace";
import { liveTransport } from "@/server/config/live-transport";
import { AnalysisPage, analysisSources } from "../analysis-page";

export const dynamic = "force-dynamic";

export default async function RegressionBandPage() {
  const sources = await analysisSources("/analyses/regression");
  return (
    <AnalysisPage section="band">
      <RegressionBandWorkspace sources={sources} transport={liveTransport()} />
    </AnalysisPage>
  );
}
