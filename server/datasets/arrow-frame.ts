import "server-only";
import {
  Field,
  Float64,
  makeData,
  RecordBatch,
  RecordBatchFileWriter,
  Schema,
  Struct,
  tableFromIPC,
  TimeUnit,
  Timestamp,
  TimestampMicrosecond,
  TimestampMillisecond,
  type Data,
  type DataType,
} from "apache-arrow";
import type { Frame } from "@/lib/series/frame";

/** Rows per record batch: bounded pieces for readers, views into the frame's columns for the writer. */
const BATCH_ROWS = 65_536;
export const TIMESTAMP_FIELD = "timestamp";

function validity(values: Float64Array): { bitmap: Uint8Array | undefined; nulls: number } {
  let nulls = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) nulls++;
  if (nulls === 0) return { bitmap: undefined, nulls };
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) bitmap[i >> 3] |= 1 << (i & 7);
  return { bitmap, nulls };
}

/**
 * The frame as an Arrow IPC file, yielded in pieces: `timestamp` as Timestamp (UTC, ms, or µs
 * when a time has a fraction of a millisecond), one nullable Float64 column per value column
 * with its unit in the field metadata (`unit`). Missing values are nulls, and NaN in the data
 * buffer, so pandas and polars read them as missing.
 */
export async function* frameToArrow(frame: Frame): AsyncGenerator<Uint8Array> {
  const { time } = frame;
  const micro = time.some((t) => !Number.isInteger(t));
  const timeType = micro ? new TimestampMicrosecond("UTC") : new TimestampMillisecond("UTC");
  const fields: Field[] = [
    new Field(TIMESTAMP_FIELD, timeType, false),
    ...frame.columns.map((column) => new Field(column.name, new Float64(), true, column.unit ? new Map([["unit", column.unit]]) : new Map())),
  ];
  const schema = new Schema(fields, new Map([["chronoframe", "dataset/1"]]));
  const writer = new RecordBatchFileWriter();
  for (let from = 0; from < time.length || (from === 0 && time.length === 0); from += BATCH_ROWS) {
    const to = Math.min(time.length, from + BATCH_ROWS);
    const length = to - from;
    const stamps = new BigInt64Array(length);
    for (let i = 0; i < length; i++) stamps[i] = BigInt(micro ? Math.round(time[from + i] * 1000) : time[from + i]);
    const children: Data<DataType>[] = [makeData({ type: timeType, length, data: stamps })];
    for (const column of frame.columns) {
      const values = column.values.subarray(from, to);
      const { bitmap, nulls } = validity(values);
      children.push(makeData({ type: new Float64(), length, data: values, nullBitmap: bitmap, nullCount: nulls }));
    }
    writer.write(new RecordBatch(schema, makeData({ type: new Struct(fields), length, children })));
    if (time.length === 0) break;
  }
  writer.finish();
  for await (const chunk of writer) yield chunk;
}

export class DatasetFileError extends Error {}

/** Reads a dataset's Arrow IPC file back into a frame (nulls → NaN). */
export function arrowToFrame(bytes: Uint8Array): Frame {
  const table = tableFromIPC(bytes);
  const stampColumn = table.getChild(TIMESTAMP_FIELD);
  const stampField = table.schema.fields.find((field) => field.name === TIMESTAMP_FIELD);
  if (!stampColumn || !stampField) throw new DatasetFileError("the dataset file has no timestamp column");
  const time = new Float64Array(table.numRows);
  let at = 0;
  const type = stampField.type;
  if (type instanceof Timestamp) {
    const scale = type.unit === TimeUnit.SECOND ? 1000 : type.unit === TimeUnit.MILLISECOND ? 1 : type.unit === TimeUnit.MICROSECOND ? 1e-3 : 1e-6;
    for (const data of stampColumn.data) {
      const values = data.values as BigInt64Array;
      for (let i = 0; i < data.length; i++) time[at++] = scale === 1 ? Number(values[i]) : Number(values[i]) * scale;
    }
  } else {
    time.set(stampColumn.toArray() as Float64Array);
  }
  const columns = table.schema.fields
    .filter((field) => field.name !== TIMESTAMP_FIELD)
    .map((field) => {
      const vector = table.getChild(field.name)!;
      const values = new Float64Array(table.numRows);
      let row = 0;
      for (const data of vector.data) {
        const raw = data.values as Float64Array;
        values.set(raw.subarray(0, data.length), row);
        if (data.nullCount > 0) for (let i = 0; i < data.length; i++) if (!data.getValid(i)) values[row + i] = NaN;
        row += data.length;
      }
      const unit = field.metadata.get("unit");
      return unit ? { name: field.name, unit, values } : { name: field.name, values };
    });
  return { time, columns };
}
