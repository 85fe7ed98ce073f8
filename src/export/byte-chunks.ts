/**
 * A growable byte buffer handed out in chunks: the base of the writers that encode millions of CSV rows straight
 * into UTF-8 (the cable schedule, NetBox devices and cables). A row is written whole; between rows the caller asks
 * {@link ByteChunks.full} and hands the chunk on with {@link ByteChunks.take}. Chunks taken are never written again.
 * @module
 */
export class ByteChunks {
  protected buf: Uint8Array;
  protected pos = 0;

  /**
   * @param chunkBytes - the size at which a chunk is full
   * @param slack - room past it for the row that fills it, so most rows need no growth check beyond one compare
   */
  constructor(
    readonly chunkBytes = 1 << 20,
    private readonly slack = 4096,
  ) {
    this.buf = new Uint8Array(chunkBytes + slack);
  }

  /** Bytes waiting in the current chunk. */
  get size(): number {
    return this.pos;
  }

  /** True once the current chunk has reached its size: call {@link take} between rows. */
  get full(): boolean {
    return this.pos >= this.chunkBytes;
  }

  /** The bytes written so far, as a new chunk; the writer continues in a fresh buffer. */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.pos);
    this.buf = new Uint8Array(this.chunkBytes + this.slack);
    this.pos = 0;
    return out;
  }

  /** Grow the buffer so `bytes` more fit after the write position. */
  protected room(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.pos + bytes));
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
  }
}

/** Printable ASCII but the quote and the comma: a character a CSV cell copies as is. */
export function isCopyableCsvChar(c: number): boolean {
  return c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x2c;
}

/** `=`, `+`, `-`, `@`: the printable formula triggers that csvField neutralizes (tab and CR are not copyable anyway). */
export function isFormulaTrigger(c: number): boolean {
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40;
}

/**
 * The ASCII digits of a non-negative safe integer `n`, zero-padded to at least `digits` (the bytes of
 * `String(n).padStart(digits, '0')`), written into `buf` at `pos`; returns the position after them. The caller
 * leaves room for max(digits, 16) bytes.
 */
export function writePaddedInteger(buf: Uint8Array, pos: number, n: number, digits: number): number {
  const end = pos + paddedIntegerLength(n, digits);
  let i = end;
  // Below 2^31 an integer division (`| 0`), which V8 compiles to a multiply; above it the float one.
  while (n >= 0x80000000) {
    const q = Math.floor(n / 10);
    buf[--i] = 0x30 + (n - q * 10);
    n = q;
  }
  do {
    const q = (n / 10) | 0;
    buf[--i] = 0x30 + (n - q * 10);
    n = q;
  } while (n > 0);
  while (i > pos) buf[--i] = 0x30;
  return end;
}

/** How many characters {@link writePaddedInteger} writes for `n`. */
export function paddedIntegerLength(n: number, digits: number): number {
  let length = 1;
  for (let t = 10; t <= n; t *= 10) length++;
  return length > digits ? length : digits;
}

/** True when {@link writePaddedInteger} can write `n`. */
export function isPaddableInteger(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}
