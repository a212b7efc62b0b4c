import { useTranslations } from "next-intl";

/** A job stage id ("parsing") in the UI language; a stage without a translation shows as it is. */
export function useStageName(): (stage: string) => string {
  const t = useTranslations("job.stage");
  return (stage) => (t.has(stage) ? t(stage) : stage);
}
