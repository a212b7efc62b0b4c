import { BAND_CHART_MAX_POINTS, BAND_CURVE_POINTS, type BandChart } from "@/lib/contracts/regression-band-view";
import { evenIndices } from "./even-indices";
import { bandHalfWidth, evaluatePolynomial, type RegressionBand } from "./regression-band";

/**
 * The bounded chart payload of a band: exact fit and counts, at most `maxPoints` points
 * (evenly thinned in time order, so inside and outside keep their proportions) and the
 * curve with its band on `curvePoints` evenly spaced x values from the smallest to the
 * largest x.
 */
export function bandChart(band: RegressionBand, maxPoints = BAND_CHART_MAX_POINTS, curvePoints = BAND_CURVE_POINTS): BandChart {
  const { x, y, inside } = band.points;
  const drawn: BandChart["drawn"] = { inside: [], outside: [] };
  for (const i of evenIndices(x.length, maxPoints)) (inside[i] ? drawn.inside : drawn.outside).push([x[i], y[i]]);
  let minX = Infinity;
  let maxX = -Infinity;
  for (let i = 0; i < x.length; i++) {
    minX = Math.min(minX, x[i]);
    maxX = Math.max(maxX, x[i]);
  }
  const gridSize = x.length === 0 ? 0 : minX === maxX ? 1 : Math.max(2, curvePoints);
  const curve = Array.from({ length: gridSize }, (_, k): [number, number, number, number] => {
    const at = k === gridSize - 1 ? maxX : minX + ((maxX - minX) * k) / (gridSize - 1);
    const p = evaluatePolynomial(band.coefficients, at);
    const halfWidth = bandHalfWidth(p, band.tolCnt, band.tolDep);
    return [at, p, p - halfWidth, p + halfWidth];
  });
  return {
    kind: band.kind,
    tolerance: band.tolerance,
    xColumn: band.xColumn,
    yColumn: band.yColumn,
    coefficients: band.coefficients,
    equation: band.equation,
    r2: band.r2,
    tolCnt: band.tolCnt,
    tolDep: band.tolDep,
    counts: { points: x.length, inside: band.insideCount, outside: band.outsideCount },
    drawn,
    curve,
  };
}
