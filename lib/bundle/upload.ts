/**
 * How an upload went: the facts of the last attempt, the server's HTTP status or why it could not be
 * reached. The pages word them in the officer's language (components/upload-text.ts).
 */
export interface UploadResult {
  ok: boolean;
  attempts: number;
  httpStatus: number | null;
  networkError: string | null;
}

export interface UploadOptions {
  retries?: number;
  /** Backoff before attempt n (n ≥ 2): base × 2^(n-2) ms. */
  baseDelayMs?: number;
  fetcher?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  onAttempt?(attempt: number, of: number): void;
}

/**
 * POSTs the bundle to the office endpoint, retrying failures with exponential backoff. The bundle is
 * already downloaded when this runs: a failed upload loses nothing, and says why.
 */
export async function uploadBundle(
  endpoint: string,
  bundle: Blob,
  fileName: string,
  { retries = 4, baseDelayMs = 1000, fetcher = fetch, sleep, onAttempt }: UploadOptions = {},
): Promise<UploadResult> {
  const wait = sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let httpStatus: number | null = null;
  let networkError: string | null = null;
  for (let attempt = 1; attempt <= retries; attempt++) {
    if (attempt > 1) await wait(baseDelayMs * 2 ** (attempt - 2));
    onAttempt?.(attempt, retries);
    try {
      const response = await fetcher(endpoint, {
        method: 'POST',
        body: bundle,
        headers: { 'Content-Type': 'application/zip', 'X-Netra-Filename': fileName },
        credentials: 'omit',
      });
      httpStatus = response.status;
      networkError = null;
      if (response.ok) return { ok: true, attempts: attempt, httpStatus, networkError };
      // A refusal that will not change on retry (bad request, not allowed): stop here.
      if (
        response.status >= 400 &&
        response.status < 500 &&
        response.status !== 408 &&
        response.status !== 429
      ) {
        return { ok: false, attempts: attempt, httpStatus, networkError };
      }
    } catch (error) {
      httpStatus = null;
      networkError = error instanceof Error ? error.message : String(error);
    }
  }
  return { ok: false, attempts: retries, httpStatus, networkError };
}
