import { useTranslations } from "next-intl";
import type { ModelWords } from "@/lib/train/describe-model";

/** The words of describeModel in the UI language. */
export function useModelWords(): ModelWords {
  const t = useTranslations("training.describe");
  return {
    naive: t("naive"),
    seasonalNaive: t("seasonalNaive"),
    linear: t("linear"),
    normalize: t("normalize"),
    dense: t("dense"),
    epochs: (count) => t("epochs", { count }),
  };
}
