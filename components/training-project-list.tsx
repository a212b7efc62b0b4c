"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createTrainingProject, deleteTrainingProject, renameTrainingProject } from "@/app/training/actions";
import { LocalTime } from "./local-time";

export interface ProjectListEntry {
  id: string;
  name: string;
  inputs: number;
  outputs: number;
  updatedAt: string;
}

/** The user's training projects: create one (then open it), rename or delete. */
export function TrainingProjectList({ initialProjects }: { initialProjects: ProjectListEntry[] }) {
  const t = useTranslations("training.list");
  const router = useRouter();
  const [projects, setProjects] = useState(initialProjects);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; name: string; error: string | null } | null>(null);
  const [pending, startTransition] = useTransition();

  const create = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await createTrainingProject(name);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      router.push(`/training/${result.project.id}`);
    });
  };

  const rename = (event: React.FormEvent) => {
    event.preventDefault();
    if (!renaming) return;
    startTransition(async () => {
      const result = await renameTrainingProject(renaming.id, renaming.name);
      if (!result.ok) {
        setRenaming({ ...renaming, error: result.error });
        return;
      }
      setProjects((all) => all.map((project) => (project.id === result.project.id ? { ...project, name: result.project.name, updatedAt: result.project.updatedAt } : project)));
      setRenaming(null);
    });
  };

  const remove = (project: ProjectListEntry) => {
    if (!window.confirm(t("confirmDelete", { name: project.name }))) return;
    startTransition(async () => {
      if ((await deleteTrainingProject(project.id)).ok) setProjects((all) => all.filter((one) => one.id !== project.id));
    });
  };

  return (
    <>
      <form className="panel create-project" onSubmit={create}>
        <label>
          {t("newName")}
          <input value={name} onChange={(event) => setName(event.target.value)} placeholder={t("namePlaceholder")} maxLength={100} data-testid="new-project-name" />
        </label>
        <button type="submit" className="button primary" disabled={pending} data-testid="create-project">
          {t("create")}
        </button>
        {error ? <p className="error-text">{error}</p> : null}
      </form>

      <div className="panel table-wrap" data-testid="project-list">
        {projects.length === 0 ? (
          <div className="empty">{t("empty")}</div>
        ) : (
          <table className="files">
            <thead>
              <tr>
                <th>{t("name")}</th>
                <th>{t("series")}</th>
                <th>{t("updated")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {projects.map((project) => (
                <tr key={project.id} data-project-row={project.name}>
                  <td>
                    {renaming?.id === project.id ? (
                      <form className="inline-form" onSubmit={rename}>
                        <input value={renaming.name} onChange={(event) => setRenaming({ ...renaming, name: event.target.value, error: null })} maxLength={100} autoFocus aria-label={t("name")} />
                        <button type="submit" className="button primary" disabled={pending}>
                          {t("save")}
                        </button>
                        <button type="button" className="button" onClick={() => setRenaming(null)}>
                          {t("cancel")}
                        </button>
                        {renaming.error ? <p className="error-text">{renaming.error}</p> : null}
                      </form>
                    ) : (
                      <Link className="file-name" href={`/training/${project.id}`}>
                        {project.name}
                      </Link>
                    )}
                  </td>
                  <td>{t("seriesCount", { inputs: project.inputs, outputs: project.outputs })}</td>
                  <td>
                    <LocalTime iso={project.updatedAt} />
                  </td>
                  <td>
                    <div className="actions">
                      <button type="button" className="button" onClick={() => setRenaming({ id: project.id, name: project.name, error: null })}>
                        {t("rename")}
                      </button>
                      <button type="button" className="button danger" disabled={pending} onClick={() => remove(project)}>
                        {t("delete")}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}
