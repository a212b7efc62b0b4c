/** A dense row-major matrix of doubles: row i, column j is `data[i * cols + j]`. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

export function createMatrix(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** The rows at `indices`, in that order, as a new matrix. */
export function selectRows(matrix: Matrix, indices: ArrayLike<number>): Matrix {
  const { cols } = matrix;
  const out = createMatrix(indices.length, cols);
  for (let r = 0; r < indices.length; r++) {
    const from = indices[r] * cols;
    out.data.set(matrix.data.subarray(from, from + cols), r * cols);
  }
  return out;
}

/** The columns of `left` followed by those of `right`, row by row. */
export function concatColumns(left: Matrix, right: Matrix): Matrix {
  if (left.rows !== right.rows) throw new Error(`cannot join ${left.rows} rows with ${right.rows} rows`);
  const out = createMatrix(left.rows, left.cols + right.cols);
  for (let r = 0; r < left.rows; r++) {
    out.data.set(left.data.subarray(r * left.cols, (r + 1) * left.cols), r * out.cols);
    out.data.set(right.data.subarray(r * right.cols, (r + 1) * right.cols), r * out.cols + left.cols);
  }
  return out;
}
