// Reading Netra's own UI inside the page: the flag buttons, markers and the inline panel live in CLOSED
// shadow roots, which Playwright's locators (and page scripts) cannot enter. DevTools can: DOM.getDocument
// with `pierce` lists closed roots too, and Runtime.callFunctionOn runs a function with the root as `this`.
import type { CDPSession, Page } from 'playwright-core';

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
  contentDocument?: DomNode;
}

export interface ClosedRoot {
  /** The host's tag name, lowercase (netra-panel, netra-marker, …). */
  host: string;
  /** The host's attributes. */
  attributes: Record<string, string>;
  backendNodeId: number;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function cdpOf(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

function attributesOf(node: DomNode): Record<string, string> {
  const out: Record<string, string> = {};
  const list = node.attributes ?? [];
  for (let i = 0; i + 1 < list.length; i += 2) out[list[i]!] = list[i + 1]!;
  return out;
}

/** Every closed shadow root of the page (in document order), with its host. */
export async function closedRoots(page: Page): Promise<ClosedRoot[]> {
  const cdp = await cdpOf(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const found: ClosedRoot[] = [];
  const walk = (node: DomNode) => {
    for (const shadow of node.shadowRoots ?? []) {
      if (shadow.shadowRootType === 'closed') {
        found.push({
          host: node.nodeName.toLowerCase(),
          attributes: attributesOf(node),
          backendNodeId: shadow.backendNodeId,
        });
      }
      walk(shadow);
    }
    for (const child of node.children ?? []) walk(child);
    if (node.contentDocument) walk(node.contentDocument);
  };
  walk(root);
  return found;
}

/**
 * Runs `fn` with a closed shadow root as its argument, in the page's main world, and returns its
 * (JSON-serialisable) result. `fn` is sent as source text, so it must not close over anything.
 */
export async function evalInRoot<R>(page: Page, root: ClosedRoot, fn: (root: ShadowRoot) => R): Promise<R> {
  const cdp = await cdpOf(page);
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: root.backendNodeId });
  // esbuild's keepNames may wrap inner functions in `__name(…)`: give the page a stand-in.
  const functionDeclaration = `function () { const __name = (f) => f; return (${fn.toString()})(this); }`;
  const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId!,
    functionDeclaration,
    returnByValue: true,
    awaitPromise: true,
  });
  await cdp.send('Runtime.releaseObject', { objectId: object.objectId! });
  if (exceptionDetails) throw new Error(`in closed shadow root: ${exceptionDetails.exception?.description}`);
  return result.value as R;
}

/** The closed roots whose host matches `host` (tag name) and, when given, carries `attribute`. */
export async function rootsOf(page: Page, host: string, attribute?: string): Promise<ClosedRoot[]> {
  return (await closedRoots(page)).filter(
    (r) => r.host === host && (attribute === undefined || attribute in r.attributes),
  );
}

/** What an officer reads or hears in a closed root: its visible text, aria-labels, titles and placeholders. */
export function visibleWords(root: ShadowRoot): string[] {
  const words: string[] = [];
  for (const child of root.children) {
    if (child instanceof HTMLElement && child.tagName !== 'STYLE') words.push(child.innerText);
  }
  for (const el of root.querySelectorAll('[aria-label], [title], [placeholder]')) {
    for (const name of ['aria-label', 'title', 'placeholder']) {
      const value = el.getAttribute(name);
      if (value) words.push(value);
    }
  }
  for (const option of root.querySelectorAll('option')) words.push(option.textContent ?? '');
  return words.filter((w) => w.trim() !== '');
}

/** What element has the focus inside the root: its tag, name/aria-label and data-testid, or null. */
export function focusedIn(
  root: ShadowRoot,
): { tag: string; name: string | null; testid: string | null } | null {
  const el = root.activeElement;
  if (!el) return null;
  return {
    tag: el.tagName.toLowerCase(),
    name: el.getAttribute('name') ?? el.getAttribute('aria-label'),
    testid: el.getAttribute('data-testid'),
  };
}
