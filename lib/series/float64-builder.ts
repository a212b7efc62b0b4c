/** An append-only Float64Array that grows by doubling, for building columns of unknown length. */
export class Float64Builder {
  private buffer: Float64Array;
  private size = 0;

  constructor(initialCapacity = 1024) {
    this.buffer = new Float64Array(Math.max(1, initialCapacity));
  }

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (this.size === this.buffer.length) {
      const grown = new Float64Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.size++] = value;
  }

  /** A right-sized copy; the builder can keep growing afterwards. */
  build(): Float64Array {
    return this.buffer.slice(0, this.size);
  }
}
