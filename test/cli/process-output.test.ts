/**
 * src/cli/process-output.ts: once a descriptor has met a full non-blocking pipe (EAGAIN), the rest of that text and
 * everything written to it later goes through node's stream, behind what the stream still holds — never around it
 * by a direct write, which would put later text before earlier text. (The real pipe is tested end to end in
 * hostile-inputs.test.ts M9.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const fsWrites: string[] = [];
let fullAfter = Infinity;
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    writeSync: (fd: number, bytes: Uint8Array, offset = 0) => {
      if (fd !== 1) return fs.writeSync(fd, bytes, offset);
      const room = fullAfter - fsWrites.join('').length;
      if (room <= 0) throw Object.assign(new Error('EAGAIN'), { code: 'EAGAIN' });
      const taken = Buffer.from(bytes.subarray(offset, offset + room)).toString();
      fsWrites.push(taken);
      return Buffer.byteLength(taken);
    },
  };
});

const { ProcessOutput } = await import('../../src/cli/process-output');

afterEach(() => {
  fsWrites.length = 0;
  fullAfter = Infinity;
  vi.restoreAllMocks();
});

describe('ProcessOutput', () => {
  it('writes directly while the pipe takes the bytes', async () => {
    const out = new ProcessOutput();
    out.write(1, 'one');
    out.write(1, 'two\n');
    await out.flushed();
    expect(fsWrites.join('')).toBe('one\ntwo\n');
  });

  it('after a full pipe, later text queues behind the rest in the stream, in order', async () => {
    const streamed: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: Uint8Array, done?: (err?: Error | null) => void) => {
      streamed.push(Buffer.from(chunk).toString());
      queueMicrotask(() => done?.());
      return true;
    }) as typeof process.stdout.write);
    fullAfter = 4;
    const out = new ProcessOutput();
    out.write(1, 'first part');
    fullAfter = Infinity; // the pipe has room again: a direct write would now jump the queue
    out.write(1, 'second');
    await out.flushed();
    expect(fsWrites.join('')).toBe('firs');
    expect(streamed.join('')).toBe('t part\nsecond\n');
    expect(out.failureExitCode).toBeUndefined();
  });
});
