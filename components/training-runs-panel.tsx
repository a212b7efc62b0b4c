import { getTranslations } from "next-intl/server";
import type { LiveTransport } from "@/lib/contracts/live-transport";
import type { ProjectConfigDraft } from "@/lib/contracts/training-project";

/**
 * The project's training runs: the slot the training-run work fills (start a run, follow it,
 * the leaderboard). Until then it says what will appear here.
 */
export async function TrainingRunsPanel({ projectId }: { projectId: string; config: ProjectConfigDraft; transport: LiveTransport }) {
  const t = await getTranslations("training.runs");
  return (
    <section id="runs" data-project-id={projectId}>
      <h2>{t("title")}</h2>
      <div className="panel coming">{t("coming")}</div>
    </section>
  );
}
