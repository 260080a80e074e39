import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { sha256Hex } from '../evidence/canonical';

/**
 * A ZIP written file by file to a sink, with the SHA-256 of every file kept for SHA256SUMS. fflate
 * emits synchronously while a file is pushed; the chunks are queued and handed to `write` one at a
 * time, awaited, before the next file is taken: a slow sink (a download stream, a disk) holds the
 * builder back, and no more than one file's bytes are alive at once.
 */
export class ZipWriter {
  /** Path → sha256 hex of each file added with `listed`. */
  readonly sums = new Map<string, string>();
  /** Bytes handed to the sink so far. */
  bytes = 0;
  private readonly queue: Uint8Array[] = [];
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
    await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    for (let chunk = this.queue.shift(); chunk; chunk = this.queue.shift()) {
      this.bytes += chunk.length;
      await this.write(chunk);
    }
    if (this.failure) throw this.failure;
  }
}
