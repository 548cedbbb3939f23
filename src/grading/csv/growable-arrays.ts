// Typed arrays that grow by doubling, for the tokenizer's per-field offsets and flags: one flat
// Int32Array per kind costs 4 bytes a field, where an array of numbers or objects would cost many more.

export class GrowableInt32 {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  /** Empties the array and sizes it for `capacity` values. */
  reset(capacity: number): void {
    this.data = new Int32Array(Math.max(16, capacity));
    this.length = 0;
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  trimmed(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

export class GrowableUint8 {
  data: Uint8Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Uint8Array(Math.max(16, capacity));
  }
  reset(capacity: number): void {
    this.data = new Uint8Array(Math.max(16, capacity));
    this.length = 0;
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint8Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  trimmed(): Uint8Array {
    return this.data.subarray(0, this.length);
  }
}
