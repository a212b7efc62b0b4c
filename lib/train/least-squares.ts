/**
 * Least squares with an intercept and an optional ridge penalty, for many outputs at once:
 * minimise ‖Y − XW − 1bᵀ‖² + α‖W‖² (the intercept is not penalised, as in scikit-learn).
 *
 * Method: centre X and Y (which removes the intercept), form the Gram matrix XᵀX + αI,
 * equilibrate it to unit diagonal (so the pivot tolerance is scale-free and the condition
 * number is that of the correlation matrix), then a Cholesky factorisation with diagonal
 * pivoting. A pivot below `RANK_TOLERANCE` marks a column that is (numerically) a linear
 * combination of the earlier ones — constant, duplicated or collinear — and it gets a zero
 * coefficient; predictions are then those of least squares on the remaining columns.
 */

const RANK_TOLERANCE = 1e-11;

export interface LeastSquaresFit {
  /** p × q, row-major: `coefficients[i * q + j]` multiplies input i for output j. */
  coefficients: Float64Array;
  intercept: Float64Array;
  rank: number;
}

export function fitLeastSquares(x: Float64Array, y: Float64Array, rows: number, p: number, q: number, alpha = 0): LeastSquaresFit {
  const xMean = new Float64Array(p);
  const yMean = new Float64Array(q);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < p; i++) xMean[i] += x[r * p + i];
    for (let j = 0; j < q; j++) yMean[j] += y[r * q + j];
  }
  if (rows > 0) {
    for (let i = 0; i < p; i++) xMean[i] /= rows;
    for (let j = 0; j < q; j++) yMean[j] /= rows;
  }
  // Centred columns stored contiguously, so every Gram entry is one sequential dot product.
  const xColumns = centredColumns(x, rows, p, xMean);
  const yColumns = centredColumns(y, rows, q, yMean);
  const gram = new Float64Array(p * p);
  const cross = new Float64Array(p * q);
  for (let i = 0; i < p; i++) {
    const xi = xColumns[i];
    for (let k = i; k < p; k++) gram[i * p + k] = dot(xi, xColumns[k]);
    for (let j = 0; j < q; j++) cross[i * q + j] = dot(xi, yColumns[j]);
  }
  for (let i = 0; i < p; i++) {
    gram[i * p + i] += alpha;
    for (let k = 0; k < i; k++) gram[i * p + k] = gram[k * p + i];
  }
  const { solution, rank } = solveSymmetricPivoted(gram, cross, p, q);
  const intercept = new Float64Array(q);
  for (let j = 0; j < q; j++) {
    let s = yMean[j];
    for (let i = 0; i < p; i++) s -= xMean[i] * solution[i * q + j];
    intercept[j] = s;
  }
  return { coefficients: solution, intercept, rank };
}

function centredColumns(matrix: Float64Array, rows: number, cols: number, means: Float64Array): Float64Array[] {
  const columns = Array.from({ length: cols }, () => new Float64Array(rows));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) columns[c][r] = matrix[r * cols + c] - means[c];
  }
  return columns;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const n = a.length;
  const end = n - (n % 4);
  for (let i = 0; i < end; i += 4) {
    s0 += a[i] * b[i];
    s1 += a[i + 1] * b[i + 1];
    s2 += a[i + 2] * b[i + 2];
    s3 += a[i + 3] * b[i + 3];
  }
  for (let i = end; i < n; i++) s0 += a[i] * b[i];
  return s0 + s1 + s2 + s3;
}

/** Solves A·W = B for symmetric positive semi-definite A (p × p) and B (p × q); A and B are overwritten. */
export function solveSymmetricPivoted(a: Float64Array, b: Float64Array, p: number, q: number): { solution: Float64Array; rank: number } {
  // Equilibrate: A ← D A D, B ← D B with D = diag(1/√A_ii); zero diagonals stay out.
  const d = new Float64Array(p);
  for (let i = 0; i < p; i++) d[i] = a[i * p + i] > 0 ? 1 / Math.sqrt(a[i * p + i]) : 0;
  for (let i = 0; i < p; i++) {
    for (let k = 0; k < p; k++) a[i * p + k] *= d[i] * d[k];
    for (let j = 0; j < q; j++) b[i * q + j] *= d[i];
  }
  // Pivoted Cholesky in place: after step k, the lower triangle's first k columns hold L.
  const order = Int32Array.from({ length: p }, (_, i) => i);
  let rank = 0;
  for (let k = 0; k < p; k++) {
    let best = k;
    for (let i = k + 1; i < p; i++) if (a[i * p + i] > a[best * p + best]) best = i;
    if (!(a[best * p + best] > RANK_TOLERANCE)) break;
    if (best !== k) swapSymmetric(a, p, k, best, order);
    const pivot = Math.sqrt(a[k * p + k]);
    a[k * p + k] = pivot;
    for (let i = k + 1; i < p; i++) a[i * p + k] /= pivot;
    // Update the trailing block in both triangles, so that later symmetric swaps stay valid.
    for (let j = k + 1; j < p; j++) {
      const ljk = a[j * p + k];
      if (ljk === 0) continue;
      for (let i = j; i < p; i++) {
        const v = a[i * p + j] - a[i * p + k] * ljk;
        a[i * p + j] = v;
        a[j * p + i] = v;
      }
    }
    rank++;
  }
  // Solve L Lᵀ z = P B over the first `rank` pivoted columns, one right-hand side at a time.
  const solution = new Float64Array(p * q);
  const z = new Float64Array(rank);
  for (let j = 0; j < q; j++) {
    for (let i = 0; i < rank; i++) {
      let s = b[order[i] * q + j];
      for (let k = 0; k < i; k++) s -= a[i * p + k] * z[k];
      z[i] = s / a[i * p + i];
    }
    for (let i = rank - 1; i >= 0; i--) {
      let s = z[i];
      for (let k = i + 1; k < rank; k++) s -= a[k * p + i] * z[k];
      z[i] = s / a[i * p + i];
    }
    for (let i = 0; i < rank; i++) solution[order[i] * q + j] = z[i] * d[order[i]];
  }
  return { solution, rank };
}

/** Swaps rows and columns k and m: the trailing block is kept symmetric, the rows of L are permuted. */
function swapSymmetric(a: Float64Array, p: number, k: number, m: number, order: Int32Array): void {
  for (let c = 0; c < p; c++) {
    const t = a[k * p + c];
    a[k * p + c] = a[m * p + c];
    a[m * p + c] = t;
  }
  for (let r = 0; r < p; r++) {
    const t = a[r * p + k];
    a[r * p + k] = a[r * p + m];
    a[r * p + m] = t;
  }
  const t = order[k];
  order[k] = order[m];
  order[m] = t;
}
