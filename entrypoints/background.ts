import { browser } from 'wxt/browser';
import { browserCaptureDeps } from '@/lib/capture/browser-deps';
import { captureEvidence, senderTab } from '@/lib/capture/capture-evidence';
import { ScreenshotQueue } from '@/lib/capture/screenshot-queue';
import { EvidenceDb, shiftCount } from '@/lib/evidence/db';
import { BackgroundRequest, failure } from '@/lib/messages';

export default defineBackground(() => {
  const db = new EvidenceDb();
  const queue = new ScreenshotQueue();
  const action = browser.action ?? browser.browserAction;

  const updateBadge = async () => {
    const count = await shiftCount(db);
    await action.setBadgeBackgroundColor({ color: '#b42318' });
    await action.setBadgeText({ text: count > 0 ? String(count) : '' });
  };

  const deps = { ...browserCaptureDeps(db, queue), onStored: () => void updateBadge() };

  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const parsed = BackgroundRequest.safeParse(raw);
    if (!parsed.success) return Promise.resolve(failure('invalid-message'));
    const request = parsed.data;
    if (request.type === 'stats') {
      return shiftCount(db).then((count) => ({ ok: true, count }));
    }
    const tab = senderTab(sender, browser.runtime.id);
    if (!tab) return Promise.resolve(failure('forbidden-sender'));
    return captureEvidence(deps, request, tab).catch(() => failure('internal'));
  });

  void navigator.storage?.persist?.();
  void updateBadge();
});
