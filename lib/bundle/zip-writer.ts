import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { sha256Hex } from '../evidence/canonical';

/**
 * A ZIP written file by file to a sink, with the SHA-256 of every file kept for SHA256SUMS. fflate
 * emits synchronously while a file is pushed; the chunks are gathered into blocks of about 1 MiB and
 * handed to `write`, awaited, before the next file is taken: a slow sink (a download stream, a disk)
 * holds the builder back, and no more than one file plus one block is alive at once.
 */
const BLOCK = 1024 * 1024;

export class ZipWriter {
  /** Path → sha256 hex of each file added with `listed`. */
  readonly sums = new Map<string, string>();
  /** Bytes handed to the sink so far. */
  bytes = 0;
  private readonly queue: Uint8Array[] = [];
  /** Small chunks held back until about 1 MiB is ready: thousands of tiny writes cost more than the bytes. */
  private readonly pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private failure: Error | null = null;
  private readonly zip: Zip;

  constructor(
    private readonly write: (chunk: Uint8Array) => void | Promise<void>,
    /** Every entry gets this time, so the same bundle content gives the same zip bytes. */
    private readonly mtime: Date,
  ) {
    this.zip = new Zip((error, chunk) => {
      if (error) this.failure ??= error;
      else this.queue.push(chunk);
    });
  }

  /**
   * `store` keeps the bytes as they are (PNGs are already deflated: recompressing costs time and gains
   * nothing); `deflate` is for text. Listed files are hashed for SHA256SUMS.
   */
  async add(path: string, data: Uint8Array, how: 'store' | 'deflate', listed = true): Promise<void> {
    if (listed) this.sums.set(path, await sha256Hex(data));
    const entry = how === 'store' ? new ZipPassThrough(path) : new ZipDeflate(path, { level: 6 });
    entry.mtime = this.mtime;
    this.zip.add(entry);
    entry.push(data, true);
    await this.flush();
  }

  async addText(path: string, text: string, listed = true): Promise<Uint8Array> {
    const bytes = new TextEncoder().encode(text);
    await this.add(path, bytes, 'deflate', listed);
    return bytes;
  }

  /** Writes the central directory. */
  async end(): Promise<void> {
    this.zip.end();
    await this.flush(true);
  }

  private async flush(final = false): Promise<void> {
    if (this.failure) throw this.failure;
    for (let chunk = this.queue.shift(); chunk; chunk = this.queue.shift()) {
      this.bytes += chunk.length;
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
      if (this.pendingBytes >= BLOCK) await this.writePending();
    }
    if (final) await this.writePending();
    if (this.failure) throw this.failure;
  }

  private async writePending(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const block = this.pending.length === 1 ? this.pending[0]! : new Uint8Array(this.pendingBytes);
    if (this.pending.length > 1) {
      let at = 0;
      for (const chunk of this.pending) {
        block.set(chunk, at);
        at += chunk.length;
      }
    }
    this.pending.length = 0;
    this.pendingBytes = 0;
    await this.write(block);
  }
}
