import type { CaptureRequest } from '../messages';
import {
  CaptureReply,
  ContentRequest,
  type FallbackReply,
  failure,
  type PrepareReply,
} from '../page-messages';
import type { PlatformAdapter } from '../platforms/adapter';
import { finishPost, type PageCapture, preparePost, scrollPost } from './capture-page';
import { createFlagButton, type FlagButton } from './flag-button';
import { watchFeed } from './watch-feed';

export interface FlagPostsOptions {
  win: Window;
  adapter: PlatformAdapter;
  signal: AbortSignal;
  /** runtime.sendMessage to the background. */
  send(message: unknown): Promise<unknown>;
}

const RETRIES = [250, 500, 1000, 2000, 4000];

/**
 * Sends a capture and waits for its answer. If the service worker dies mid-capture the channel closes
 * without one: the same click (same id) is sent again, and the background resumes its persisted job
 * or finds the finding it already stored, so the click is stored exactly once.
 */
async function sendCapture(
  send: (m: unknown) => Promise<unknown>,
  message: CaptureRequest,
): Promise<CaptureReply> {
  for (let attempt = 0; ; attempt++) {
    let raw: unknown;
    try {
      raw = await send(message);
    } catch (error) {
      if (error instanceof Error && /context invalidated/i.test(error.message)) throw error;
      raw = undefined;
    }
    const reply = CaptureReply.safeParse(raw);
    if (reply.success) return reply.data;
    const wait = RETRIES[attempt];
    if (wait === undefined) return failure('internal', 'Netra tidak menjawab');
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/**
 * Puts a flag button on every post the adapter finds and runs the content-script half of a capture:
 * snapshot on click, then measure the post for the background's screenshot. Returns the handler for
 * background → content messages.
 */
export function flagPosts({ win, adapter, signal, send }: FlagPostsOptions) {
  const doc = win.document;
  const pending = new Map<string, PageCapture>();
  const buttons = new WeakMap<Element, FlagButton>();
  // Where the pointer (or keyboard focus, or the context menu) last was: the fallback flags that post.
  let lastTarget: EventTarget | null = null;
  const remember = (event: Event) => {
    lastTarget = event.target;
  };
  for (const type of ['mouseover', 'focusin', 'contextmenu']) {
    doc.addEventListener(type, remember, { capture: true, passive: true, signal });
  }

  const postUnder = (target: EventTarget | null): Element | null => {
    // Walks out of shadow roots too (a target inside our own button's host).
    for (
      let node = target as Node | null;
      node;
      node = node.parentNode ?? (node as ShadowRoot).host ?? null
    ) {
      if (buttons.has(node as Element)) return node as Element;
    }
    return null;
  };

  const flag = async (post: Element, button: FlagButton) => {
    button.setState('saving');
    const clickId = crypto.randomUUID();
    pending.set(clickId, { post, button, hidden: [] });
    try {
      await adapter.reveal?.(post).catch(() => undefined);
      const snapshot = adapter.extract(post, win.location.href);
      const reply = await sendCapture(send, { type: 'capture', clickId, snapshot });
      if (!reply.ok) button.setState('error', reply.error.message);
      else if (reply.notice) button.setState('partial', reply.notice);
      else if (reply.status === 'version') button.setState('version', `versi ${reply.version ?? 2}`);
      else button.setState(reply.status);
    } catch (error) {
      // Typically "Extension context invalidated" after an update: only a reload reconnects the page.
      const detail =
        error instanceof Error && /context invalidated/i.test(error.message)
          ? 'Netra diperbarui; muat ulang halaman ini.'
          : failure('internal').error.message;
      button.setState('error', detail);
    } finally {
      pending.delete(clickId);
    }
  };

  const feed = watchFeed({
    doc,
    adapter,
    signal,
    onPost(post) {
      const button = createFlagButton(doc, () => void flag(post, button));
      buttons.set(post, button);
      adapter.anchor(post).append(button.host);
    },
  });

  async function answer(request: ContentRequest): Promise<PrepareReply | FallbackReply | { ok: true }> {
    if (request.type === 'fallback.flag') {
      const post = postUnder(lastTarget);
      const button = post && buttons.get(post);
      if (post && button && button.host.dataset.state !== 'saving') void flag(post, button);
      return { ok: true, found: post !== null, selection: win.getSelection()?.toString() ?? '' };
    }
    const capture = pending.get(request.clickId);
    if (request.type === 'capture.finish') {
      if (capture) finishPost(win, capture);
      return { ok: true };
    }
    if (!capture) return failure('post-gone');
    return request.type === 'capture.prepare'
      ? preparePost(win, capture)
      : scrollPost(win, capture, request.offset);
  }

  return {
    rescan: feed.rescan,
    /** Background → content messages; undefined (not a promise) for anything that is not ours. */
    onMessage(raw: unknown): Promise<PrepareReply | FallbackReply | { ok: true }> | undefined {
      const parsed = ContentRequest.safeParse(raw);
      return parsed.success ? answer(parsed.data) : undefined;
    },
  };
}
