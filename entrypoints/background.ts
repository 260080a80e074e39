import { browser } from 'wxt/browser';
import { configCache } from '@/lib/background/config-cache';
import {
  assess,
  deleteFinding,
  editFinding,
  feedHello,
  feedMatch,
  matchNote,
  watchlistSearch,
} from '@/lib/background/officer-day';
import { browserCaptureDeps } from '@/lib/capture/browser-deps';
import { captureEvidence, resumeJobs, senderTab } from '@/lib/capture/capture-evidence';
import { type FallbackTrigger, flagFromBrowser } from '@/lib/capture/fallback-flag';
import { saveOriginalMedia } from '@/lib/capture/original-media';
import { ScreenshotQueue } from '@/lib/capture/screenshot-queue';
import { spkiPem } from '@/lib/crypto/device-key';
import { deviceKey } from '@/lib/crypto/device-key-store';
import { editEvidence } from '@/lib/evidence/audit';
import { EvidenceDb, shiftCount } from '@/lib/evidence/db';
import type { Evidence } from '@/lib/evidence/schema';
import { sealPending } from '@/lib/evidence/store';
import { loadLanguage, onLanguageChange, t, tIn } from '@/lib/i18n';
import { BackgroundRequest, type CaptureReply, failure } from '@/lib/messages';
import { ensureShift } from '@/lib/shift';

/** A failure's message in the officer's language (the pipeline writes them in Indonesian). */
function localized<T>(reply: T): T {
  const r = reply as { ok?: boolean; error?: { code: string; message: string } };
  if (r?.ok !== false || !r.error) return reply;
  const base = failure(r.error.code as Parameters<typeof failure>[0]).error.message;
  const detail = r.error.message.startsWith(base) ? r.error.message.slice(base.length) : '';
  const key = `error_${r.error.code.replaceAll('-', '_')}`;
  const message = t(key) === key ? r.error.message : `${t(key)}${detail}`;
  return { ...r, error: { ...r.error, message } } as T;
}

const FLAG_MENU = 'netra-flag';
const FLAG_COMMAND = 'flag-post';

export default defineBackground(() => {
  const db = new EvidenceDb();
  const queue = new ScreenshotQueue();
  const config = configCache();
  void loadLanguage();
  onLanguageChange(() => undefined);
  const action = browser.action ?? browser.browserAction;

  const updateBadge = async (tabId?: number) => {
    const count = await shiftCount(db);
    await action.setBadgeBackgroundColor({ color: '#b42318' });
    await action.setBadgeText({ text: count > 0 ? String(count) : '', tabId });
  };

  const deps = {
    ...browserCaptureDeps(db, queue),
    assess: (post: Evidence['post']) => assess(config.get, post),
    noteFor: (assessment: { match: Parameters<typeof matchNote>[0] }) => matchNote(assessment.match),
    recordAsn: (evidence: Evidence, asn: { name: string; nip: string | null; agency: string | null }) =>
      editEvidence(db, evidence.id, { asn }, tIn('id', 'audit_reason_watchlist')),
    onStored: (evidence: Evidence) => {
      void updateBadge();
      // Flagging is never blocked by a forgotten "start shift": the first finding starts one.
      void ensureShift(new Date(evidence.capturedAt)).catch(() => undefined);
      // Originals are fetched after the finding is safe, so "saved" never waits on the network.
      void browser.storage.local.get('saveOriginalMedia').then(({ saveOriginalMedia: wanted }) => {
        if (wanted === true) void saveOriginalMedia(db, evidence);
      });
    },
  };

  const pageOrigin = browser.runtime.getURL('/');
  /** One of our own pages (popup, options, review), not a content script in a web page. */
  const fromPage = (sender: { id?: string; url?: string }) =>
    sender.id === browser.runtime.id && sender.url?.startsWith(pageOrigin) === true;

  browser.runtime.onMessage.addListener((raw: unknown, sender) => answer(raw, sender).then(localized));

  const answer = async (raw: unknown, sender: Parameters<typeof senderTab>[0]): Promise<unknown> => {
    const parsed = BackgroundRequest.safeParse(raw);
    if (!parsed.success) return failure('invalid-message');
    const request = parsed.data;
    const page = fromPage(sender);
    const tab = page ? null : senderTab(sender, browser.runtime.id);
    if (!page && !tab) return failure('forbidden-sender');
    switch (request.type) {
      case 'feed.hello':
        return feedHello(config.get);
      case 'feed.match':
        return feedMatch(config.get, request);
      case 'watchlist.search':
        return watchlistSearch(config.get, request.query, request.limit);
      case 'evidence.edit':
        return editFinding(db, request, page ? 'page' : 'content');
      case 'evidence.delete': {
        if (!page) return failure('forbidden-sender');
        const reply = await deleteFinding(db, request);
        void updateBadge();
        return reply;
      }
      case 'stats':
        // A page that changed what counts (the export marked findings) asks for the badge to follow.
        await updateBadge();
        return { ok: true, count: await shiftCount(db) };
      case 'device.key': {
        const key = await deviceKey(db);
        return {
          ok: true,
          fingerprint: key.fingerprint,
          publicKeyPem: spkiPem(key.spki),
        };
      }
      case 'capture':
        if (!tab) return failure('forbidden-sender');
        return captureEvidence(deps, request, tab).catch(() => failure('internal'));
    }
  };

  const reportFallback = (reply: CaptureReply | null, tabId: number | undefined) => {
    // On a page without our button the toolbar badge is the only place to answer.
    if (!reply || tabId === undefined) return;
    const text = reply.ok ? '✓' : '!';
    void action.setBadgeText({ text, tabId });
    void action.setTitle({
      title: reply.ok ? 'Netra: temuan tersimpan' : `Netra: ${reply.error.message}`,
      tabId,
    });
    // The tab's own badge text hides the global count: put the count back in it.
    setTimeout(() => void updateBadge(tabId), 4_000);
  };
  const flagFallback = (trigger: FallbackTrigger) =>
    flagFromBrowser(deps, trigger)
      .catch(() => failure('internal'))
      .then((reply) => reportFallback(reply, trigger.tab.id));

  void browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({
      id: FLAG_MENU,
      title: browser.i18n.getMessage('menuFlag'),
      contexts: ['page', 'selection', 'link', 'image', 'video'],
    }),
  );
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== FLAG_MENU || !tab) return;
    void flagFallback({ tab, selectionText: info.selectionText, linkUrl: info.linkUrl });
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== FLAG_COMMAND) return;
    const active = tab
      ? Promise.resolve(tab)
      : browser.tabs.query({ active: true, currentWindow: true }).then(([t]) => t);
    void active.then((t) => t && flagFallback({ tab: t }));
  });

  // The same entry the menu and the shortcut call, reachable from a debugger or the e2e tests (a
  // headless browser cannot open a native context menu or press a browser-level shortcut).
  Object.assign(globalThis, { netraFlagFallback: flagFallback });

  void navigator.storage?.persist?.();
  // Every start (browser start, or the worker woken after being stopped): findings from an older
  // database are sealed into the chain, the device key exists, and captures cut short by a stopped
  // worker or a closed tab are stored once their pages had time to retry them.
  void sealPending(db)
    .then(() => deviceKey(db))
    .then(() => updateBadge())
    .catch(() => undefined);
  setTimeout(() => {
    void resumeJobs(deps).then(async (n) => {
      if (n > 0) await updateBadge();
    });
  }, 6_000);
});
