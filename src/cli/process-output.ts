/**
 * The bundled bin's stdout and stderr, written with `fs.writeSync` on descriptors 1 and 2. Touching
 * `process.stdout` creates node's stream for it and loads node's stream modules: measured ~3 ms when stdout is a
 * file or /dev/null and ~4–7 ms when it is a pipe, against ~0.3 ms for `writeSync` (a `rack --json` call costs
 * ~20 ms of its own). A descriptor a parent made non-blocking and that is full (EAGAIN) gets the rest through
 * node's stream, which waits for the reader.
 *
 * A reader that goes away (`rackplan … | head`) ends the run quietly with exit 0; any other failure (`> /dev/full`)
 * is one line on stderr and exit 2, never a Node stack trace.
 * @module
 */
import { writeSync } from 'node:fs';
import { describeFsError } from './fs-errors';

type Descriptor = 1 | 2;

export class ProcessOutput {
  private readonly pending: Promise<void>[] = [];
  /** Descriptors that met a full pipe: their later text queues behind what node's stream still holds, in order. */
  private readonly streamed = new Set<Descriptor>();
  /** Set by the first failed write: the code the process exits with (0 when the reader went away). */
  failureExitCode: number | undefined;

  /** Write `text` (with a final newline) to stdout (1) or stderr (2); nothing more after a failed write. */
  write(fd: Descriptor, text: string): void {
    if (this.failureExitCode !== undefined) return;
    const bytes = Buffer.from(text.endsWith('\n') ? text : `${text}\n`);
    if (this.streamed.has(fd)) return this.writeThroughStream(fd, bytes);
    let offset = 0;
    try {
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EAGAIN') this.writeThroughStream(fd, bytes.subarray(offset));
      else this.fail(fd, err);
    }
  }

  /** Resolves once every write handed to node's streams has been taken by the reader (or failed). */
  async flushed(): Promise<void> {
    await Promise.all(this.pending);
  }

  private writeThroughStream(fd: Descriptor, rest: Uint8Array): void {
    this.streamed.add(fd);
    const stream = fd === 1 ? process.stdout : process.stderr;
    if (stream.listenerCount('error') === 0) stream.on('error', (err) => this.fail(fd, err));
    this.pending.push(
      new Promise((resolve) => {
        stream.write(rest, (err) => {
          if (err) this.fail(fd, err);
          resolve();
        });
      }),
    );
  }

  private fail(fd: Descriptor, err: unknown): void {
    if (this.failureExitCode !== undefined) return;
    if ((err as NodeJS.ErrnoException).code === 'EPIPE') {
      this.failureExitCode = 0;
      return;
    }
    this.failureExitCode = 2;
    if (fd === 1) {
      try {
        writeSync(2, `stdout: could not write the output: ${describeFsError(err)}\n`);
      } catch {
        // stderr is gone too: the exit code says it
      }
    }
  }
}
