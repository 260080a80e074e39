// Small in-page notices, bottom right: what the flag button's state says, in words, for a moment.
// Errors are alerts; everything else is a polite status. They never take focus and never catch clicks.
import { shadowHost } from './shadow';
import { feedLanguage } from './strings';

const SHOWN_MS = 6000;

interface Regions {
  host: HTMLElement;
  status: HTMLElement;
  alert: HTMLElement;
}

const regions = new WeakMap<Document, Regions>();

/** The live regions are made once per document and kept: a region that appears with its text is often not read out. */
function regionsFor(doc: Document): Regions {
  const found = regions.get(doc);
  if (found) return found;
  const { host, root } = shadowHost(doc, 'netra-toast');
  host.setAttribute('data-netra-toast', '');
  const region = (role: string) => {
    const div = doc.createElement('div');
    div.setAttribute('role', role);
    root.append(div);
    return div;
  };
  const made = { host, status: region('status'), alert: region('alert') };
  regions.set(doc, made);
  return made;
}

export function showToast(doc: Document, message: string, kind: 'status' | 'alert' = 'status'): void {
  const { host, status, alert } = regionsFor(doc);
  if (feedLanguage()) host.lang = feedLanguage();
  const fresh = !host.isConnected;
  if (fresh) (doc.body ?? doc.documentElement).append(host);
  const toast = doc.createElement('div');
  toast.className = 'toast';
  toast.textContent = message;
  // A region just put into the page needs a moment before screen readers listen to it.
  setTimeout(() => (kind === 'alert' ? alert : status).append(toast), fresh ? 100 : 0);
  setTimeout(() => toast.remove(), SHOWN_MS);
}
