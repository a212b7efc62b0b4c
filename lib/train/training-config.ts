import { z } from "zod";

/**
 * Training config v1 and its result (docs/training.md): one zod schema
 * shared by the UI, the server, the CLI and the tests.
 */

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// The zone designator is required: without it Date.parse would read the machine's local time.
const isoInstant = z.string().refine((text) => /^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(text) && Number.isFinite(Date.parse(text)), {
  message: "expected an ISO date-time with a zone, such as 2017-06-26T00:00:00Z",
});

export const windowMethodSchema = z.enum(["linear", "mean", "nearest"]);

export const seriesWindowSchema = z
  .strictObject({
    file: z.string().min(1).optional(),
    datasetId: z.string().min(1).optional(),
    column: z.string().min(1),
    startHours: z.number(),
    endHours: z.number(),
    method: windowMethodSchema.default("linear"),
    /** Target range of min-max scaling for this series (default [0, 1]). */
    scaleMin: z.number().optional(),
    scaleMax: z.number().optional(),
  })
  .superRefine((series, context) => {
    if ((series.file === undefined) === (series.datasetId === undefined)) {
      context.addIssue({ code: "custom", path: ["file"], message: "give exactly one of 'file' and 'datasetId'" });
    }
    if (series.endHours < series.startHours) {
      context.addIssue({ code: "custom", path: ["endHours"], message: "must not be before startHours" });
    }
    if ((series.scaleMin ?? 0) >= (series.scaleMax ?? 1)) {
      context.addIssue({ code: "custom", path: ["scaleMax"], message: "must be greater than scaleMin" });
    }
  });

export const stepsSchema = z.strictObject({
  inputSteps: z.number().int().min(1).max(10_000),
  outputSteps: z.number().int().min(1).max(10_000),
  stepMinutes: z.number().positive(),
  offsetMinutes: z.number().default(0),
});

export const timeFeaturesSchema = z.strictObject({
  year: z.boolean().default(false),
  month: z.boolean().default(false),
  week: z.boolean().default(false),
  day: z.boolean().default(false),
  holidays: z
    .strictObject({
      country: z.string().regex(/^[A-Z]{2}$/, "expected an ISO 3166 country code such as DE"),
      state: z.string().min(1).optional(),
    })
    .nullable()
    .default(null),
  local: z.boolean().default(false),
  /**
   * "reference": one sin/cos pair per phase at the reference time; "window" (the original's
   * "Zeithorizont"): one pair per input step, at the times of the first input series' window.
   */
  form: z.enum(["reference", "window"]).default("reference"),
  timezone: z.string().refine(isTimeZone, { message: "unknown IANA time zone" }).default("UTC"),
});

export const scalingSchema = z.enum(["none", "minmax", "standard"]);

const fractionSplitSchema = z
  .strictObject({
    train: z.number().min(0).max(1),
    validation: z.number().min(0).max(1),
    test: z.number().min(0).max(1),
    shuffle: z.boolean().default(false),
    seed: z.number().int().default(1),
  })
  .refine((split) => Math.abs(split.train + split.validation + split.test - 1) < 1e-9, {
    path: ["train"],
    message: "train + validation + test must be 1",
  });

const dateSplitSchema = z
  .strictObject({ validationFrom: isoInstant, testFrom: isoInstant, until: isoInstant.optional() })
  .superRefine((split, context) => {
    if (Date.parse(split.testFrom) < Date.parse(split.validationFrom)) {
      context.addIssue({ code: "custom", path: ["testFrom"], message: "must not be before validationFrom" });
    }
    if (split.until !== undefined && Date.parse(split.until) <= Date.parse(split.testFrom)) {
      context.addIssue({ code: "custom", path: ["until"], message: "must be after testFrom" });
    }
  });

export const splitSchema = z.union([dateSplitSchema, fractionSplitSchema]);

const activationSchema = z.enum(["relu", "sigmoid", "tanh", "linear", "softmax", "none"]);

const netFields = {
  layers: z.number().int().min(1).max(20).default(3),
  units: z.number().int().min(1).max(4096).default(512),
  epochs: z.number().int().min(1).max(10_000).default(20),
  activation: activationSchema.default("relu"),
  kernelSize: z.number().int().min(1).max(512).default(3),
  learningRate: z.number().positive().default(0.001),
  batchSize: z.number().int().min(1).default(32),
  /** Early stopping: epochs without a better validation loss before stopping (the original's 2). */
  patience: z.number().int().min(1).default(2),
  seed: z.number().int().default(1),
};

export const modelConfigSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("naive") }),
  z.strictObject({ kind: z.literal("seasonalNaive"), periodHours: z.number().positive().default(24) }),
  z.strictObject({
    kind: z.literal("linear"),
    alpha: z.number().min(0).default(0),
    normalize: z.enum(["none", "last", "mean"]).default("none"),
  }),
  z.strictObject({
    kind: z.literal("svr"),
    mode: z.enum(["direct", "mimo"]).default("direct"),
    kernel: z.enum(["linear", "poly", "rbf", "sigmoid"]).default("rbf"),
    C: z.number().positive().default(1),
    epsilon: z.number().min(0).default(0.1),
    /** Kernel coefficient; default 1 / number of input features (LIBSVM's default). */
    gamma: z.number().positive().optional(),
    degree: z.number().int().min(1).default(3),
    /** Training samples used at most (evenly spaced in time), since kernel SVR grows quadratically. */
    maxTrainingSamples: z.number().int().min(10).default(2000),
  }),
  z.strictObject({ kind: z.literal("dense"), ...netFields }),
  z.strictObject({ kind: z.literal("cnn"), ...netFields }),
  z.strictObject({ kind: z.literal("lstm"), ...netFields }),
  z.strictObject({ kind: z.literal("arLstm"), ...netFields }),
]);

/** Every object is strict: a misspelt key is an error naming it, never silently a default. */
export const trainingConfigSchema = z
  .strictObject({
    version: z.literal(1),
    inputs: z.array(seriesWindowSchema).min(1),
    outputs: z.array(seriesWindowSchema).min(1),
    steps: stepsSchema,
    timeFeatures: timeFeaturesSchema.default(() => timeFeaturesSchema.parse({})),
    scaling: scalingSchema.default("minmax"),
    split: splitSchema.default({ train: 0.7, validation: 0.2, test: 0.1, shuffle: false, seed: 1 }),
    models: z.array(modelConfigSchema).min(1),
  });

export type WindowMethod = z.infer<typeof windowMethodSchema>;
export type SeriesWindow = z.infer<typeof seriesWindowSchema>;
export type StepsConfig = z.infer<typeof stepsSchema>;
export type TimeFeaturesConfig = z.infer<typeof timeFeaturesSchema>;
export type Scaling = z.infer<typeof scalingSchema>;
export type SplitConfig = z.infer<typeof splitSchema>;
export type ModelConfig = z.infer<typeof modelConfigSchema>;
export type ModelKind = ModelConfig["kind"];
export type TrainingConfig = z.infer<typeof trainingConfigSchema>;
/** What a caller writes (defaults not yet filled in). */
export type TrainingConfigInput = z.input<typeof trainingConfigSchema>;

export function isDateSplit(split: SplitConfig): split is Extract<SplitConfig, { validationFrom: string }> {
  return "validationFrom" in split;
}

/** The first issue of a failed parse as one line naming its field path, e.g. `models.0.alpha: …`. */
export function describeConfigError(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue.path.map(String).join(".");
  return `${path || "(config)"}: ${issue.message}`;
}

// ---- result ------------------------------------------------------------------------------

const metricValue = z.number().nullable();

export const METRIC_NAMES = ["MAE", "MSE", "RMSE", "MAPE", "NRMSE", "WAPE", "sMAPE", "MASE"] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

export const metricsSchema = z.object({
  MAE: metricValue,
  MSE: metricValue,
  RMSE: metricValue,
  MAPE: metricValue,
  NRMSE: metricValue,
  WAPE: metricValue,
  sMAPE: metricValue,
  MASE: metricValue,
});
export type Metrics = z.infer<typeof metricsSchema>;

export const modelResultSchema = z.intersection(
  modelConfigSchema,
  z.object({
    fitSeconds: z.number(),
    /** Epochs run (nets only; early stopping may end training before `epochs`). */
    epochsRun: z.number().int().optional(),
    validation: metricsSchema,
    test: metricsSchema,
    testScaled: metricsSchema,
    testByStep: z.array(metricsSchema.extend({ step: z.number().int() })),
    testByAveraging: z.array(metricsSchema.extend({ n: z.number().int() })),
  }),
);
export type ModelResult = z.infer<typeof modelResultSchema>;

export const trainingResultSchema = z.object({
  samples: z.object({
    train: z.number().int(),
    validation: z.number().int(),
    test: z.number().int(),
    /** Samples with a missing value in some window. */
    skipped: z.number().int(),
    /** Samples left out by a date split: outputs straddling a boundary or after `until`. */
    dropped: z.number().int(),
  }),
  features: z.object({ inputs: z.number().int(), outputs: z.number().int() }),
  models: z.array(modelResultSchema),
});
export type TrainingResult = z.infer<typeof trainingResultSchema>;
