import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { prepareOutputFile, writeOutputFile } from '../../src/cli/files';
import { InputError } from '../../src/cli/errors';

// writeOutputFile keeps one write in flight while the producer makes the next chunk: the bytes must still land in
// order, and a producer or write that fails part-way must still leave nothing behind.
const dir = mkdtempSync(join(tmpdir(), 'rackplan-writes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Deterministic chunks of varied sizes (1 byte to ~1.5 MiB), each filled with its own index. */
function* chunks(count: number): Generator<Uint8Array | string> {
  for (let i = 0; i < count; i++) {
    if (i % 7 === 3) yield `text chunk ${i}\n`;
    else yield new Uint8Array(1 + ((i * 104_729) % 1_500_000)).fill(i & 0xff);
  }
}

describe('writeOutputFile with a write in flight while the next chunk is made', () => {
  it('writes every chunk in order: the file equals the concatenation', async () => {
    const path = join(dir, 'ordered.bin');
    const expected = createHash('sha256');
    let size = 0;
    for (const c of chunks(40)) {
      const b = typeof c === 'string' ? Buffer.from(c) : c;
      expected.update(b);
      size += b.length;
    }
    const bytes = await writeOutputFile(await prepareOutputFile(path), chunks(40));
    expect(bytes).toBe(size);
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(expected.digest('hex'));
  });

  it('with a flush (fdatasync) running beside the writes every 1 MiB, the file still equals the concatenation', async () => {
    const path = join(dir, 'flushed.bin');
    const expected = createHash('sha256');
    for (const c of chunks(60)) expected.update(typeof c === 'string' ? Buffer.from(c) : c);
    const bytes = await writeOutputFile(await prepareOutputFile(path), chunks(60), 1 << 20);
    expect(bytes).toBe(readFileSync(path).length);
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(expected.digest('hex'));
    expect(readdirSync(dir).filter((f) => f.includes('flushed'))).toEqual(['flushed.bin']);
  });

  it('a producer that fails while a flush runs: its error, and nothing remains', async () => {
    const path = join(dir, 'failing-flush.bin');
    function* failing(): Generator<Uint8Array> {
      for (let i = 0; i < 6; i++) yield new Uint8Array(1 << 20).fill(i);
      throw new Error('producer broke mid-flush');
    }
    await expect(writeOutputFile(await prepareOutputFile(path), failing(), 1 << 20)).rejects.toThrow(/producer broke mid-flush/);
    expect(readdirSync(dir).filter((f) => f.includes('failing-flush'))).toEqual([]);
  });

  it('a producer that fails after some chunks: its error, and neither the file nor a temporary file remains', async () => {
    const path = join(dir, 'failing.bin');
    function* failing(): Generator<Uint8Array> {
      yield new Uint8Array(1 << 20);
      yield new Uint8Array(1 << 20);
      throw new Error('producer broke');
    }
    await expect(writeOutputFile(await prepareOutputFile(path), failing())).rejects.toBeInstanceOf(InputError);
    await expect(writeOutputFile(await prepareOutputFile(path), failing())).rejects.toThrow(/producer broke/);
    expect(readdirSync(dir).filter((f) => f.includes('failing'))).toEqual([]);
  });

  it('an async producer works the same way', async () => {
    const path = join(dir, 'async.txt');
    async function* lines(): AsyncGenerator<string> {
      for (let i = 0; i < 1000; i++) {
        if (i % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
        yield `${i}\n`;
      }
    }
    await writeOutputFile(await prepareOutputFile(path), lines());
    expect(readFileSync(path, 'utf8').split('\n').slice(-3)).toEqual(['998', '999', '']);
  });
});
