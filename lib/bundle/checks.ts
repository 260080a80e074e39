// The verifier's findings: one line per check, Indonesian for the office and English beside it. A
// check that finds nothing wrong says so once; a check that fails says it once per problem, naming the
// file, so the office knows which finding or file to look at.

export type CheckId =
  | 'zip.readable'
  | 'zip.entries'
  | 'files.required'
  | 'sums.format'
  | 'files.unlisted'
  | 'files.unexpected'
  | 'files.missing'
  | 'files.hash'
  | 'signature'
  | 'key.fingerprint'
  | 'key.trusted'
  | 'manifest.schema'
  | 'record.schema'
  | 'record.hash'
  | 'chain'
  | 'chain.start'
  | 'manifest.records'
  | 'screenshots'
  | 'audit'
  | 'views'
  | 'previous.valid'
  | 'previous.key'
  | 'previous.link'
  | 'previous.chain';

export interface BundleCheck {
  id: CheckId;
  ok: boolean;
  /** The file in the bundle the check is about, when it is about one. */
  file?: string;
  /** Indonesian sentence. */
  message: string;
  messageEn: string;
}

export class CheckList {
  readonly checks: BundleCheck[] = [];

  fail(id: CheckId, file: string | undefined, message: string, messageEn: string): void {
    this.checks.push(
      file === undefined
        ? { id, ok: false, message, messageEn }
        : { id, ok: false, file, message, messageEn },
    );
  }

  /** Records the pass line of `id`, unless a failure of `id` was recorded. */
  settle(id: CheckId, message: string, messageEn: string): void {
    if (!this.failed(id)) this.checks.push({ id, ok: true, message, messageEn });
  }

  failed(...ids: CheckId[]): boolean {
    return this.checks.some((c) => !c.ok && ids.includes(c.id));
  }

  get ok(): boolean {
    return this.checks.length > 0 && this.checks.every((c) => c.ok);
  }
}

/** A thrown value as a short sentence fragment. */
export function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
