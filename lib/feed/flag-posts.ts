import type { CaptureRequest } from '../messages';
import type { ContentRequest, FallbackReply, PrepareReply } from '../page-messages';
import type { PlatformAdapter } from '../platforms/adapter';
import { finishPost, type PageCapture, preparePost, scrollPost } from './capture-page';
import { createFlagButton, type FlagButton } from './flag-button';
import { type Idle, matchPosts } from './match-posts';
import { openPanel } from './panel';
import {
  type Hello,
  type Outcome,
  pageFailure,
  readAssessment,
  readCaptureReply,
  readContentRequest,
  type SavedFinding,
} from './replies';
import { text, useStrings } from './strings';
import { showToast } from './toast';
import { watchFeed } from './watch-feed';

export interface FlagPostsOptions {
  win: Window;
  adapter: PlatformAdapter;
  signal: AbortSignal;
  /** runtime.sendMessage to the background. */
  send(message: unknown): Promise<unknown>;
  /** Idle-time scheduling of the markers' work (tests run it by hand). */
  idle?: Idle;
}

const RETRIES = [250, 500, 1000, 2000, 4000];

/**
 * Sends a capture and waits for its answer. If the service worker dies mid-capture the channel closes
 * without one: the same click (same id) is sent again, and the background resumes its persisted job
 * or finds the finding it already stored, so the click is stored exactly once. null: never answered.
 */
async function sendCapture(
  send: (m: unknown) => Promise<unknown>,
  message: CaptureRequest,
): Promise<Outcome<SavedFinding> | null> {
  for (let attempt = 0; ; attempt++) {
    let raw: unknown;
    try {
      raw = await send(message);
    } catch (error) {
      if (error instanceof Error && /context invalidated/i.test(error.message)) throw error;
      raw = undefined;
    }
    const reply = readCaptureReply(raw);
    if (reply) return reply;
    const wait = RETRIES[attempt];
    if (wait === undefined) return null;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/**
 * Puts a flag button (and, when it matched the watchlist or a rule, a marker) on every post the adapter
 * finds, and runs the content-script half of a capture: snapshot on click, then measure the post for the
 * background's screenshot, then the inline panel. Returns the handler for background → content messages.
 */
export function flagPosts({ win, adapter, signal, send, idle }: FlagPostsOptions) {
  const doc = win.document;
  const pending = new Map<string, PageCapture>();
  const buttons = new WeakMap<Element, FlagButton>();
  let categories: Hello['categories'] = [];
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

  const markers = matchPosts({
    win,
    adapter,
    send,
    signal,
    idle,
    // On its own line under the row that holds the flag button, so the author's name stays readable
    // and nothing of the marker is cut off.
    place(post, marker) {
      const row = buttons.get(post)?.host.parentElement ?? adapter.anchor(post);
      if (row !== post && post.contains(row)) row.after(marker);
      else post.prepend(marker);
    },
  });

  const fail = (button: FlagButton, message: string) => {
    button.setState('error', message);
    showToast(doc, text('feed_toast_failed', message), 'alert');
  };

  const flag = async (post: Element, button: FlagButton) => {
    button.setState('saving');
    const clickId = crypto.randomUUID();
    pending.set(clickId, { post, button, hidden: [], collapsed: [] });
    try {
      await adapter.reveal?.(post).catch(() => undefined);
      const snapshot = adapter.extract(post, win.location.href);
      const reply = await sendCapture(send, { type: 'capture', clickId, snapshot });
      if (!reply) return fail(button, text('feed_error_no_answer'));
      if (!reply.ok) return fail(button, reply.message);
      if (reply.notice) {
        button.setState('partial', reply.notice);
        showToast(doc, text('feed_toast_partial', reply.notice));
      } else if (reply.status === 'version') {
        button.setState('version', text('feed_version_n', reply.version ?? 2));
      } else {
        button.setState(reply.status);
      }
      const assessment = reply.status === 'duplicate' ? null : readAssessment(reply.assessment);
      if (assessment)
        openPanel({ doc, evidenceId: reply.evidenceId, assessment, categories, send, button, post });
    } catch (error) {
      // Typically "Extension context invalidated" after an update: only a reload reconnects the page.
      const reload = error instanceof Error && /context invalidated/i.test(error.message);
      fail(button, text(reload ? 'feed_error_reload' : 'feed_error_internal'));
    } finally {
      pending.delete(clickId);
    }
  };

  const feed = watchFeed({
    doc,
    adapter,
    signal,
    onPost(post) {
      // Called again when the site re-rendered the post and dropped our button or marker.
      if (!buttons.get(post)?.host.isConnected) {
        const button = createFlagButton(doc, () => void flag(post, button));
        buttons.set(post, button);
        adapter.anchor(post).append(button.host);
      }
      markers.add(post);
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
    if (!capture) return pageFailure('post-gone', 'feed_error_post_gone');
    return request.type === 'capture.prepare'
      ? preparePost(win, capture)
      : scrollPost(win, capture, request.offset);
  }

  return {
    rescan: feed.rescan,
    /** The officer's strings, categories, and whether anything is to be matched (feed.hello, again on changes). */
    configure(hello: Hello): void {
      useStrings(hello.strings, hello.language);
      categories = hello.categories;
      const posts = adapter.findPosts(doc).filter((post) => buttons.has(post));
      for (const post of posts) buttons.get(post)?.relabel();
      markers.reset(hello.matching, posts);
    },
    /** Background → content messages; undefined (not a promise) for anything that is not ours. */
    onMessage(raw: unknown): Promise<PrepareReply | FallbackReply | { ok: true }> | undefined {
      const request = readContentRequest(raw);
      return request ? answer(request) : undefined;
    },
  };
}
