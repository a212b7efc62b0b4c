import { getTranslations } from "next-intl/server";

/** The placeholder of a section whose issue has not landed yet. */
export async function ComingNext({ section }: { section: "analyses" | "training" }) {
  const app = await getTranslations("app");
  const t = await getTranslations("comingNext");
  return (
    <>
      <h1>{app(`nav.${section}`)}</h1>
      <div className="panel coming">{t(section)}</div>
    </>
  );
}
