import "server-only";
import { insidePointsFrame, regressionBand } from "@/lib/analysis/regression-band";
import type { Derivation } from "@/lib/contracts/dataset-derivation";
import { alignSeries } from "@/lib/process/align";
import { applyRecipe, type StepReport } from "@/lib/process/apply-recipe";
import type { Frame } from "@/lib/series/frame";
import type { ModelDocument } from "@/lib/train/model-document";
import { forecastFrame } from "@/server/train/forecast-frame";

export interface DerivationSource {
  id: string;
  name: string;
  frame: Frame;
}

/** What a derivation reports beside its frame (stored with the new dataset). */
export type DerivationReport =
  | { kind: "recipe"; steps: StepReport[] }
  | { kind: "align"; columns: string[] }
  | { kind: "regression-band"; equation: string; r2: number | null; inside: number; outside: number; tolCnt: number; tolDep: number | null }
  | { kind: "forecast"; skipped: number };

export interface DerivationInputs {
  sources: Map<string, DerivationSource>;
  /** The trained model of a forecast derivation. */
  model?: ModelDocument;
  /** 0…1 of the computation, for the job's progress. */
  onProgress?: (share: number) => void;
}

/**
 * Computes a derived dataset's frame with the pure core. Problems with the user's choices
 * (an unknown column, a series needing an align method) are SpecErrors or
 * TrainingSeriesErrors whose one-line message names the field.
 */
export async function deriveFrame(derivation: Derivation, inputs: DerivationInputs): Promise<{ frame: Frame; report: DerivationReport }> {
  const source = (id: string) => {
    const found = inputs.sources.get(id);
    if (!found) throw new Error(`source dataset ${id} was not loaded`);
    return found;
  };
  switch (derivation.kind) {
    case "recipe": {
      const steps = derivation.recipe.steps.length;
      const result = applyRecipe(source(derivation.sourceId).frame, derivation.recipe, (index) => inputs.onProgress?.((index + 1) / Math.max(1, steps)));
      return { frame: result.frame, report: { kind: "recipe", steps: result.steps } };
    }
    case "align": {
      const frame = alignSeries(
        derivation.spec,
        derivation.spec.series.map((series) => {
          const found = source(series.datasetId!);
          return { label: found.name, frame: found.frame };
        }),
      );
      return { frame, report: { kind: "align", columns: frame.columns.map((column) => column.name) } };
    }
    case "regression-band": {
      const x = source(derivation.xDatasetId).frame;
      const y = derivation.yDatasetId === derivation.xDatasetId ? x : source(derivation.yDatasetId).frame;
      const band = regressionBand(x, y, derivation.spec);
      return {
        frame: insidePointsFrame(band),
        report: { kind: "regression-band", equation: band.equation, r2: Number.isFinite(band.r2) ? band.r2 : null, inside: band.insideCount, outside: band.outsideCount, tolCnt: band.tolCnt, tolDep: band.tolDep },
      };
    }
    case "forecast": {
      if (!inputs.model) throw new Error("the model of a forecast derivation was not loaded");
      const found = source(derivation.sourceId);
      const forecasts = await forecastFrame(inputs.model, found.frame, found.name);
      return { frame: forecasts.frame, report: { kind: "forecast", skipped: forecasts.skipped } };
    }
  }
}
