import { describe, expect, it } from "vitest";
import { describeModel, type ModelWords } from "@/lib/train/describe-model";
import { modelConfigSchema } from "@/lib/train/training-config";

const described = (model: unknown) => describeModel(modelConfigSchema.parse(model));

describe("describeModel", () => {
  it("names baselines and linear models with the settings that differ from the defaults", () => {
    expect(described({ kind: "naive" })).toBe("naive");
    expect(described({ kind: "seasonalNaive", periodHours: 24 })).toBe("seasonal naive 24 h");
    expect(described({ kind: "linear" })).toBe("linear");
    expect(described({ kind: "linear", normalize: "last", alpha: 0.5 })).toBe("linear (normalize last, α 0.5)");
  });
  it("names nets by size, activation and epochs, and SVR by its kernel", () => {
    expect(described({ kind: "dense", layers: 2, units: 16, epochs: 5 })).toBe("dense 2×16 relu, 5 epochs");
    expect(described({ kind: "arLstm", layers: 1, units: 8, epochs: 3, activation: "tanh" })).toBe("AR-LSTM 1×8 tanh, 3 epochs");
    expect(described({ kind: "svr", mode: "mimo", kernel: "rbf" })).toBe("SVR mimo rbf, C 1, ε 0.1");
  });
  it("says its words in the language it is given", () => {
    const german: ModelWords = { naive: "naiv", seasonalNaive: "saisonal naiv", linear: "linear", normalize: "Normierung", dense: "Dense-Netz", epochs: (n) => `${n} ${n === 1 ? "Epoche" : "Epochen"}` };
    expect(describeModel(modelConfigSchema.parse({ kind: "seasonalNaive", periodHours: 168 }), german)).toBe("saisonal naiv 168 h");
    expect(describeModel(modelConfigSchema.parse({ kind: "linear", normalize: "last" }), german)).toBe("linear (Normierung last)");
    expect(describeModel(modelConfigSchema.parse({ kind: "dense", layers: 2, units: 16, epochs: 1 }), german)).toBe("Dense-Netz 2×16 relu, 1 Epoche");
    expect(described({ kind: "lstm", layers: 1, units: 4, epochs: 1 })).toBe("LSTM 1×4 relu, 1 epoch");
  });
});
