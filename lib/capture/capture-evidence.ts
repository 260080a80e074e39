import { defaultCategory } from '../evidence/categories';
import type { EvidenceDb } from '../evidence/db';
import { isQuotaError } from '../evidence/db';
import type { Evidence, Officer } from '../evidence/schema';
import { appendEvidence } from '../evidence/store';
import { isoWithOffset } from '../evidence/time';
import type { Assessment } from '../feed-messages';
import { t } from '../i18n';
import { type CaptureReply, CaptureRequest, type ErrorCode, failure } from '../messages';
import { adapterForHost } from '../platforms';
import type { PostSnapshot } from '../platforms/snapshot';
import { dedupeKey } from './dedupe-key';
import { type ScreenshotDeps, ScreenshotError, type Shots, shootPost, shootWindow } from './screenshot';
import type { SenderTab } from './sender';

export { type SenderTab, senderTab } from './sender';

/** Who captures, with what: read at capture time (the officer may change settings mid-shift). */
export interface CaptureContext {
  officer: Officer;
  extensionVersion: string;
  browser: string;
  os: string;
}

/** Everything the pipeline needs from the browser, injected so the pipeline runs under test too. */
export interface CaptureDeps extends ScreenshotDeps {
  db: EvidenceDb;
  context(): Promise<CaptureContext>;
  now(): Date;
  newId(): string;
  /** Called after every stored finding (badge, toasts). */
  onStored?(evidence: Evidence): void;
  /**
   * The pre-filled category, ASN identity and rule matches of a new finding (watchlist and rules);
   * without it the category comes from the kind alone.
   */
  assess?(post: PostSnapshot): Promise<Assessment>;
  /** Records the assessment's ASN identity on a stored finding (an audited edit). */
  recordAsn?(evidence: Evidence, asn: NonNullable<Assessment['asn']>): Promise<unknown>;
  /** The sealed note for an assessment (which rules matched). */
  noteFor?(assessment: Assessment): string;
}

/** The same click, retried after a crash, joins the capture already running instead of starting one. */
const inFlight = new Map<string, Promise<CaptureReply>>();

function once(clickId: string, run: () => Promise<CaptureReply>): Promise<CaptureReply> {
  const running = inFlight.get(clickId);
  if (running) return running;
  const job = run().finally(() => inFlight.delete(clickId));
  inFlight.set(clickId, job);
  return job;
}

/** A flag button was clicked: the content script sends the post's snapshot, we screenshot and store. */
export async function captureEvidence(
  deps: CaptureDeps,
  raw: unknown,
  tab: SenderTab,
): Promise<CaptureReply> {
  const parsed = CaptureRequest.safeParse(raw);
  if (!parsed.success) return failure('invalid-message');
  const { clickId, snapshot } = parsed.data;
  const senderHost = new URL(tab.url).hostname;
  const adapter = adapterForHost(senderHost);
  if (!adapter || adapter.platform !== snapshot.platform || tab.frameId !== 0)
    return failure('forbidden-sender');
  if (!URL.canParse(snapshot.pageUrl) || new URL(snapshot.pageUrl).hostname !== senderHost) {
    return failure('forbidden-sender');
  }
  return once(clickId, async () => {
    const stored = await deps.db.evidence.get({ clickId });
    if (stored) return { ok: true, status: 'saved', evidenceId: stored.id, version: stored.version };
    // Persisted before the screenshot: if the service worker dies now, the click is not lost.
    if (!(await deps.db.jobs.get(clickId))) {
      try {
        await deps.db.jobs.put({ clickId, createdAt: isoWithOffset(deps.now()), snapshot, tab });
      } catch (error) {
        return storageFailure(error);
      }
    }
    let shots: Shots;
    try {
      shots = await shootPost(deps, tab, clickId);
    } catch (error) {
      // Never lose a click: the tab closed, went to the background or the post left the page before
      // the picture could be taken. The finding is stored from its snapshot, the picture named missing,
      // and the officer is told (a second click adds a version with the picture).
      const why = error instanceof ScreenshotError ? error.code : 'screenshot-failed';
      return store(deps, clickId, snapshot, { shots: [], devicePixelRatio: 1 }, ['screenshot'], why);
    }
    return store(deps, clickId, snapshot, shots, []);
  });
}

/**
 * Context menu or shortcut on a page no adapter could read: the background built the snapshot from
 * what the browser reports, so it is trusted; the picture is the whole visible tab.
 */
export function captureVisiblePage(deps: CaptureDeps, snapshot: PostSnapshot, tab: SenderTab) {
  const clickId = deps.newId();
  return once(clickId, async () => {
    try {
      return store(deps, clickId, snapshot, await shootWindow(deps, tab), []);
    } catch (error) {
      return error instanceof ScreenshotError ? failure(error.code) : failure('screenshot-failed');
    }
  });
}

/**
 * Capture jobs left behind by a service worker that died (or a tab closed) mid-capture. Jobs whose
 * page is still there are retried by their content script with the same click id; what is still
 * pending after `graceMs` is stored from its snapshot, without the screenshot it could not get.
 */
export async function resumeJobs(deps: CaptureDeps, graceMs = 5_000): Promise<number> {
  const cutoff = deps.now().getTime() - graceMs;
  const jobs = await deps.db.jobs.toArray();
  let resumed = 0;
  for (const job of jobs) {
    if (new Date(job.createdAt).getTime() > cutoff || inFlight.has(job.clickId)) continue;
    const reply = await once(job.clickId, async () => {
      const stored = await deps.db.evidence.get({ clickId: job.clickId });
      if (stored) {
        await deps.db.jobs.delete(job.clickId);
        return { ok: true, status: 'saved', evidenceId: stored.id };
      }
      return store(deps, job.clickId, job.snapshot, { shots: [], devicePixelRatio: 1 }, ['screenshot']);
    });
    if (reply.ok) resumed++;
  }
  return resumed;
}

async function store(
  deps: CaptureDeps,
  clickId: string,
  post: PostSnapshot,
  { shots, devicePixelRatio }: Shots,
  missing: string[],
  screenshotProblem?: ErrorCode,
): Promise<CaptureReply> {
  try {
    const context = await deps.context();
    // A broken configuration must never cost a finding: it is then stored with the kind's category.
    const assessment = await deps.assess?.(post).catch(() => undefined);
    const adapter = adapterForHost(URL.canParse(post.pageUrl) ? new URL(post.pageUrl).hostname : '');
    const { evidence, status } = await appendEvidence(
      deps.db,
      {
        schemaVersion: 1,
        id: deps.newId(),
        clickId,
        dedupeKey: await dedupeKey(post, clickId),
        capturedAt: isoWithOffset(deps.now()),
        post,
        officer: context.officer,
        category: assessment?.category ?? defaultCategory(post.kind, post.repostedBy !== null),
        note: assessment ? (deps.noteFor?.(assessment) ?? '') : '',
        missing,
        provenance: {
          extensionVersion: context.extensionVersion,
          adapterVersion: adapter?.version ?? 'none',
          browser: context.browser,
          os: context.os,
          devicePixelRatio,
        },
      },
      shots,
    );
    if (status !== 'retry') {
      if (assessment?.asn) await deps.recordAsn?.(evidence, assessment.asn).catch(() => undefined);
      deps.onStored?.(evidence);
    }
    return {
      ok: true,
      status: status === 'version' ? 'version' : 'saved',
      evidenceId: evidence.id,
      version: evidence.version,
      ...(assessment && status !== 'retry' ? { assessment } : {}),
      ...(evidence.missing.includes('screenshot')
        ? {
            notice: t(
              'capture_saved_without_screenshot',
              t(`error_${(screenshotProblem ?? 'screenshot-failed').replaceAll('-', '_')}`),
            ),
          }
        : {}),
    };
  } catch (error) {
    return storageFailure(error);
  }
}

function storageFailure(error: unknown): CaptureReply {
  if (isQuotaError(error)) return failure('quota-exceeded');
  return failure('storage-failed', error instanceof Error ? error.name : undefined);
}
