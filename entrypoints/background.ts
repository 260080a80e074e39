import { browser } from 'wxt/browser';
import { browserCaptureDeps } from '@/lib/capture/browser-deps';
import { captureEvidence, resumeJobs, senderTab } from '@/lib/capture/capture-evidence';
import { type FallbackTrigger, flagFromBrowser } from '@/lib/capture/fallback-flag';
import { saveOriginalMedia } from '@/lib/capture/original-media';
import { ScreenshotQueue } from '@/lib/capture/screenshot-queue';
import { formatFingerprint, spkiPem } from '@/lib/crypto/device-key';
import { deviceKey } from '@/lib/crypto/device-key-store';
import { EvidenceDb, shiftCount } from '@/lib/evidence/db';
import type { Evidence } from '@/lib/evidence/schema';
import { sealPending } from '@/lib/evidence/store';
import { BackgroundRequest, type CaptureReply, failure } from '@/lib/messages';

const FLAG_MENU = 'netra-flag';
const FLAG_COMMAND = 'flag-post';

export default defineBackground(() => {
  const db = new EvidenceDb();
  const queue = new ScreenshotQueue();
  const action = browser.action ?? browser.browserAction;

  const updateBadge = async (tabId?: number) => {
    const count = await shiftCount(db);
    await action.setBadgeBackgroundColor({ color: '#b42318' });
    await action.setBadgeText({ text: count > 0 ? String(count) : '', tabId });
  };

  const deps = {
    ...browserCaptureDeps(db, queue),
    onStored: (evidence: Evidence) => {
      void updateBadge();
      // Originals are fetched after the finding is safe, so "saved" never waits on the network.
      void browser.storage.local.get('saveOriginalMedia').then(({ saveOriginalMedia: wanted }) => {
        if (wanted === true) void saveOriginalMedia(db, evidence);
      });
    },
  };

  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const parsed = BackgroundRequest.safeParse(raw);
    if (!parsed.success) return Promise.resolve(failure('invalid-message'));
    const request = parsed.data;
    if (request.type === 'stats') {
      return shiftCount(db).then((count) => ({ ok: true, count }));
    }
    if (request.type === 'device.key') {
      return deviceKey(db).then((key) => ({
        ok: true,
        fingerprint: key.fingerprint,
        fingerprintGroups: formatFingerprint(key.fingerprint),
        publicKeyPem: spkiPem(key.spki),
      }));
    }
    const tab = senderTab(sender, browser.runtime.id);
    if (!tab) return Promise.resolve(failure('forbidden-sender'));
    return captureEvidence(deps, request, tab).catch(() => failure('internal'));
  });

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
