import { parseFacebookProfile } from '../canonical-url';
import * as sel from './selectors';

// The "people who reacted" dialog: one row per account, each flaggable as evidence that this account reacted
// to the post (kind 'reaction'). A row is the smallest box holding all of one account's links and a
// reaction icon; tabs (one per reaction) and other dialogs (Messenger, notifications, the photo viewer)
// are not rows.

const DIALOG = sel.any(sel.dialog);
const TAB = sel.any(sel.reactionTab);
const ICON = sel.any(sel.reactionIcon);
const POSTS = `${sel.any(sel.unit)}, ${sel.any(sel.article)}, ${sel.any(sel.viewerColumn)}`;
const FACEBOOK = 'https://www.facebook.com/';

export function isReactionsDialog(dialog: Element): boolean {
  return (
    dialog.matches(DIALOG) &&
    dialog.querySelector(TAB) !== null &&
    dialog.querySelector(POSTS) === null &&
    dialog.closest(sel.any(sel.hidden)) === null
  );
}

/** Account links of the dialog by account, in page order, outside the tabs. */
function accountLinks(dialog: Element): Map<string, Element[]> {
  const byAccount = new Map<string, Element[]>();
  for (const link of dialog.querySelectorAll('a[href]')) {
    if (link.closest('[role="tablist"]')) continue;
    const handle = parseFacebookProfile(link.getAttribute('href'), FACEBOOK);
    if (!handle) continue;
    const links = byAccount.get(handle) ?? [];
    links.push(link);
    byAccount.set(handle, links);
  }
  return byAccount;
}

function rowsOf(dialog: Element): Element[] {
  const byAccount = accountLinks(dialog);
  const all = [...byAccount.values()].flat();
  const rows: Element[] = [];
  for (const links of byAccount.values()) {
    let row: Element | null = links[0]?.parentElement ?? null;
    while (
      row &&
      row !== dialog &&
      (!links.every((link) => row?.contains(link)) || !row.querySelector(ICON))
    ) {
      row = row.parentElement;
    }
    if (!row || row === dialog || all.some((link) => !links.includes(link) && row?.contains(link))) continue;
    rows.push(row);
  }
  return rows;
}

/** Reaction rows in `root` (root itself included) or, when root is inside a reactions dialog, in root. */
export function reactionRows(root: ParentNode): Element[] {
  const self = typeof (root as Partial<Element>).closest === 'function' ? (root as Element) : null;
  const dialogs = new Set<Element>(root.querySelectorAll(DIALOG));
  const around = self?.closest(DIALOG);
  if (around) dialogs.add(around);
  const rows: Element[] = [];
  for (const dialog of dialogs) {
    if (!isReactionsDialog(dialog)) continue;
    for (const row of rowsOf(dialog)) if (!self || self.contains(row)) rows.push(row);
  }
  return rows;
}

export function isReactionRow(el: Element): boolean {
  const dialog = el.closest(DIALOG);
  return dialog !== null && isReactionsDialog(dialog) && rowsOf(dialog).includes(el);
}

export interface Reactor {
  handle: string | null;
  /** The link holding the name (text), else the first. */
  nameLink: Element | null;
  /** The reaction's name as the icon gives it ("Suka", "Super"), or null. */
  reaction: string | null;
}

export function readReactor(row: Element): Reactor {
  let handle: string | null = null;
  const links: Element[] = [];
  for (const link of row.querySelectorAll('a[href]')) {
    const account = parseFacebookProfile(link.getAttribute('href'), FACEBOOK);
    if (!account) continue;
    handle ??= account;
    if (account === handle) links.push(link);
  }
  const nameLink =
    links.find((link) => link.getAttribute('aria-hidden') !== 'true' && (link.textContent ?? '').trim()) ??
    links[0] ??
    null;
  let reaction: string | null = null;
  for (const icon of row.querySelectorAll(ICON)) {
    if (icon.closest('a')) continue;
    const label = (icon.getAttribute('alt') ?? icon.getAttribute('aria-label') ?? '').trim();
    if (label) {
      reaction = label;
      break;
    }
  }
  return { handle, nameLink, reaction };
}
