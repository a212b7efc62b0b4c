import { getTranslations } from "next-intl/server";
import { TrainingProjectList } from "@/components/training-project-list";
import { requirePageUser } from "@/server/auth/require-page-user";
import { listOwnProjects } from "@/server/train/projects";

export const dynamic = "force-dynamic";

export default async function TrainingPage() {
  const user = await requirePageUser("/training");
  const t = await getTranslations("training");
  const projects = await listOwnProjects(user);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <TrainingProjectList
        initialProjects={projects.map((project) => ({
          id: project.id,
          name: project.name,
          inputs: Array.isArray(project.config.inputs) ? project.config.inputs.length : 0,
          outputs: Array.isArray(project.config.outputs) ? project.config.outputs.length : 0,
          updatedAt: project.updatedAt,
        }))}
      />
    </>
  );
}
