import { CaptureReply, ContentRequest, type FallbackReply, failure, type PrepareReply } from '../messages';
import type { PlatformAdapter } from '../platforms/adapter';
import { createFlagButton, type FlagButton } from './flag-button';
import { watchFeed } from './watch-feed';

export interface FlagPostsOptions {
  win: Window;
  adapter: PlatformAdapter;
  signal: AbortSignal;
  /** runtime.sendMessage to the background. */
  send(message: unknown): Promise<unknown>;
}

interface PendingCapture {
  post: Element;
  button: FlagButton;
}

/**
 * Puts a flag button on every post the adapter finds and runs the content-script half of a capture:
 * snapshot on click, then measure the post for the background's screenshot. Returns the handler for
 * background → content messages.
 */
export function flagPosts({ win, adapter, signal, send }: FlagPostsOptions) {
  const doc = win.document;
  const pending = new Map<string, PendingCapture>();
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
    pending.set(clickId, { post, button });
    try {
      await adapter.reveal?.(post).catch(() => undefined);
      const snapshot = adapter.extract(post, win.location.href);
      const raw = await send({ type: 'capture', clickId, snapshot });
      const reply = CaptureReply.safeParse(raw);
      if (!reply.success) button.setState('error', failure('invalid-message').error.message);
      else if (reply.data.ok) button.setState(reply.data.status);
      else button.setState('error', reply.data.error.message);
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
      if (capture) capture.button.host.style.visibility = '';
      return { ok: true };
    }
    if (!capture?.post.isConnected) return failure('post-gone');
    // captureVisibleTab shows whatever tab is in front: never file a picture of another page.
    if (doc.visibilityState !== 'visible') return failure('tab-not-visible');
    // Our own button must not be in the evidence.
    capture.button.host.style.visibility = 'hidden';
    let rect = capture.post.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > win.innerHeight) {
      capture.post.scrollIntoView({ block: rect.height > win.innerHeight ? 'start' : 'nearest' });
    }
    await painted(win);
    rect = capture.post.getBoundingClientRect();
    return {
      ok: true,
      prepared: {
        rect: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
        viewport: { width: win.innerWidth, height: win.innerHeight },
        devicePixelRatio: win.devicePixelRatio || 1,
      },
    };
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

/** Resolves once the current state is on screen (two frames), or soon anyway in a hidden tab. */
function painted(win: Window): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    win.requestAnimationFrame(() =>
      win.requestAnimationFrame(() => {
        clearTimeout(timer);
        resolve();
      }),
    );
  });
}
