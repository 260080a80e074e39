import { describe, expect, it, vi } from 'vitest';
import { uploadResultText } from '@/components/upload-text';
import { uploadBundle } from '@/lib/bundle/upload';

const bundle = new Blob(['zip']);
const answers = (...statuses: Array<number | Error>) => {
  const fetcher = vi.fn(async () => {
    const next = statuses.shift();
    if (next instanceof Error) throw next;
    return { ok: next! < 300, status: next } as Response;
  });
  return fetcher as unknown as typeof fetch & typeof fetcher;
};

describe('uploadBundle', () => {
  it('keeps why the last attempt failed when the server is never reached', async () => {
    const result = await uploadBundle('https://kantor.example/upload', bundle, 'b.zip', {
      fetcher: answers(
        new Error('x'),
        new Error('x'),
        new Error('Failed to fetch'),
        new Error('ECONNREFUSED'),
      ),
      sleep: async () => undefined,
    });
    expect(result).toMatchObject({ ok: false, attempts: 4, httpStatus: null, networkError: 'ECONNREFUSED' });
    expect(uploadResultText(result)).toBe(
      'Tidak tersambung ke server kantor (ECONNREFUSED). Bundel tetap tersimpan di unduhan; kirim ulang nanti.',
    );
  });

  it('retries failures with exponential backoff until the office accepts', async () => {
    const sleeps: number[] = [];
    const fetcher = answers(503, new Error('offline'), 201);
    const result = await uploadBundle('https://kantor.example/upload', bundle, 'b.zip', {
      fetcher,
      sleep: async (ms) => void sleeps.push(ms),
    });
    expect(result).toEqual({ ok: true, attempts: 3, httpStatus: 201, networkError: null });
    expect(uploadResultText(result)).toBe('Terkirim ke kantor (HTTP 201).');
    expect(sleeps).toEqual([1000, 2000]);
    expect(fetcher).toHaveBeenCalledWith(
      'https://kantor.example/upload',
      expect.objectContaining({ method: 'POST', body: bundle }),
    );
  });

  it('gives up after the last try and says the bundle is kept', async () => {
    const result = await uploadBundle('https://kantor.example/upload', bundle, 'b.zip', {
      fetcher: answers(500, 500, 500, 500),
      sleep: async () => undefined,
    });
    expect(result.ok).toBe(false);
    expect(result.attempts).toBe(4);
    expect(uploadResultText(result)).toMatch(/HTTP 500.*tetap tersimpan/);
    expect(result).toMatchObject({ httpStatus: 500, networkError: null });
  });

  it('does not retry a refusal that will not change', async () => {
    const fetcher = answers(403);
    const result = await uploadBundle('https://kantor.example/upload', bundle, 'b.zip', {
      fetcher,
      sleep: async () => undefined,
    });
    expect(result).toMatchObject({ ok: false, attempts: 1, httpStatus: 403, networkError: null });
    expect(fetcher).toHaveBeenCalledOnce();
  });
});
