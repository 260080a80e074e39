// The inline panel after a flag: the finding is already saved; here the officer confirms or completes
// what the background pre-filled (category, ASN identity) and may add a note. Plain DOM in a closed
// shadow root, fully keyboard-drivable: focus lands on the category, Esc or "Tutup" changes nothing.
import { isNip, nipDigits } from '../config/nip';
import type { EvidenceEdit } from '../evidence/edit';
import type { FlagButton } from './flag-button';
import { panelPosition } from './panel-position';
import { type Assessment, type Identity, readDone, readEntries } from './replies';
import { isolate, shadowHost } from './shadow';
import { feedLanguage, text } from './strings';

export interface PanelOptions {
  doc: Document;
  evidenceId: string;
  assessment: Assessment;
  categories: readonly { id: string; label: string }[];
  send(message: unknown): Promise<unknown>;
  /** The post's flag button: the panel opens beside it and gives it the focus back. */
  button: FlagButton;
  post: Element;
}

export interface InlinePanel {
  host: HTMLElement;
  /** Takes the panel away; the focus goes back to the flag button if it was in the panel. */
  close(): void;
}

/** Untouched, the panel goes away like a toast; once the officer types or clicks in it, it stays. */
const AUTO_HIDE_MS = 12_000;
const CLOSE_AFTER_SAVE_MS = 1_500;
const SEARCH_DELAY_MS = 150;
/** Keys and clicks in the panel are the officer's, not the site's (X's shortcuts, post clicks). */
const STOPPED = [
  'keydown',
  'keyup',
  'keypress',
  'input',
  'click',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
];

const open = new WeakMap<Document, InlinePanel>();

const sameIdentity = (a: Identity | null, b: Identity | null) =>
  a === b || (a !== null && b !== null && a.name === b.name && a.nip === b.nip && a.agency === b.agency);

export function openPanel({
  doc,
  evidenceId,
  assessment,
  categories,
  send,
  button,
  post,
}: PanelOptions): InlinePanel {
  open.get(doc)?.close();
  const { host, root } = shadowHost(doc, 'netra-panel');
  host.setAttribute('data-netra-panel', '');
  host.dataset.evidenceId = evidenceId;
  host.dataset.state = 'open';
  if (feedLanguage()) host.lang = feedLanguage();

  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, content = '') => {
    const made = doc.createElement(tag);
    made.textContent = content;
    return made;
  };
  const form = el('form');
  form.setAttribute('role', 'dialog');
  form.setAttribute('aria-labelledby', 'title');
  form.setAttribute('aria-describedby', 'hint');
  const title = el('h2', text('feed_panel_title'));
  title.id = 'title';
  const hint = el('p', text('feed_panel_hint'));
  hint.id = 'hint';
  form.append(title, hint);
  const field = <T extends HTMLElement>(key: string, control: T): T => {
    const label = el('label', text(key));
    label.append(control);
    form.append(label);
    return control;
  };

  const category = field('feed_panel_category', el('select'));
  const known = categories.some((c) => c.id === assessment.category);
  for (const { id, label } of known
    ? categories
    : [...categories, { id: assessment.category, label: assessment.category }]) {
    const option = el('option', label);
    option.value = id;
    category.append(option);
  }
  category.value = assessment.category;
  const name = field('feed_panel_asn_name', el('input'));
  name.value = assessment.asn?.name ?? '';
  name.setAttribute('list', 'asn');
  name.autocomplete = 'off';
  const suggestions = el('datalist');
  suggestions.id = 'asn';
  form.append(suggestions);
  if (assessment.asn) {
    const prefilled = el('p', text('feed_panel_asn_prefilled'));
    prefilled.id = 'prefilled';
    name.setAttribute('aria-describedby', 'prefilled');
    form.append(prefilled);
  }
  const nip = field('feed_panel_nip', el('input'));
  nip.value = assessment.asn?.nip ?? '';
  nip.inputMode = 'numeric';
  nip.placeholder = text('feed_panel_nip_hint');
  const agency = field('feed_panel_agency', el('input'));
  agency.value = assessment.asn?.agency ?? '';
  const note = field('feed_panel_note', el('textarea'));
  if (assessment.match.terms.length > 0) {
    const terms = assessment.match.terms.map((rule) => `${rule.term} (${rule.label})`).join(', ');
    form.append(el('p', `${text('feed_panel_matches')}: ${terms}`));
  }
  const status = el('div');
  status.className = 'status';
  status.setAttribute('aria-live', 'polite');
  const actions = el('div');
  actions.className = 'actions';
  const save = el('button', text('feed_panel_save'));
  save.className = 'primary';
  const dismiss = el('button', text('feed_panel_close'));
  dismiss.type = 'button';
  actions.append(save, dismiss);
  form.append(status, actions);
  root.append(form);

  const autoHide = setTimeout(() => close(), AUTO_HIDE_MS);
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  const touched = () => clearTimeout(autoHide);
  for (const type of ['keydown', 'input', 'pointerdown']) form.addEventListener(type, touched);

  function close(): void {
    clearTimeout(autoHide);
    clearTimeout(closeTimer);
    if (open.get(doc) === panel) open.delete(doc);
    const hadFocus = doc.activeElement === host;
    host.remove();
    if (hadFocus) button.focus();
  }
  const panel: InlinePanel = { host, close };

  // Tab goes round the panel's fields; Esc leaves it with nothing changed.
  const first = category;
  const last = dismiss;
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab' && root.activeElement === (event.shiftKey ? first : last)) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    }
  });
  dismiss.addEventListener('click', close);

  const found = new Map<string, Identity>();
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  let searches = 0;
  name.addEventListener('input', () => {
    // Picking a suggestion puts its name in the field: fill in the NIP and agency that go with it.
    const picked = found.get(name.value);
    if (picked) {
      nip.value = picked.nip ?? '';
      agency.value = picked.agency ?? '';
      return;
    }
    clearTimeout(searchTimer);
    const query = name.value.trim();
    if (query.length < 2) return;
    searchTimer = setTimeout(async () => {
      const asked = ++searches;
      const entries = readEntries(
        await send({ type: 'watchlist.search', query, limit: 8 }).catch(() => undefined),
      );
      if (asked !== searches) return;
      found.clear();
      suggestions.replaceChildren();
      for (const entry of entries) {
        found.set(entry.name, entry);
        const option = el('option');
        option.value = entry.name;
        // Firefox matches what was typed against the label only (Chromium also against the value):
        // the name leads the label so both browsers suggest the person being typed.
        option.label = [entry.name, entry.agency, entry.nip].filter(Boolean).join(' · ');
        suggestions.append(option);
      }
    }, SEARCH_DELAY_MS);
  });

  const show = (state: 'saving' | 'saved' | 'error', message: string) => {
    host.dataset.state = state;
    status.textContent = message;
    save.disabled = state === 'saving';
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (host.dataset.state === 'saving') return;
    // NIPs are often written in groups ("19820314 200604 2 011").
    const nipValue = nipDigits(nip.value);
    const badNip = nipValue !== '' && !isNip(nipValue);
    nip.setAttribute('aria-invalid', String(badNip));
    if (badNip) {
      show('error', text('feed_panel_nip_invalid'));
      nip.focus();
      return;
    }
    const edit: EvidenceEdit = {};
    if (category.value !== assessment.category) edit.category = category.value;
    if (note.value.trim()) edit.note = note.value.trim();
    const typed = { name: name.value.trim(), nip: nipValue || null, agency: agency.value.trim() || null };
    const identity = typed.name || typed.nip || typed.agency ? typed : null;
    if (!sameIdentity(identity, assessment.asn)) edit.asn = identity;
    if (Object.keys(edit).length === 0) {
      show('saved', text('feed_panel_unchanged'));
    } else {
      show('saving', text('feed_panel_saving'));
      const message = { type: 'evidence.edit', evidenceId, edit, reason: text('feed_edit_reason') };
      const reply = readDone(await send(message).catch(() => undefined));
      if (!reply.ok) return show('error', text('feed_panel_failed', reply.message));
      show('saved', text('feed_panel_saved'));
    }
    closeTimer = setTimeout(close, CLOSE_AFTER_SAVE_MS);
  });

  isolate(host, STOPPED);
  (doc.body ?? doc.documentElement).append(host);
  const win = doc.defaultView;
  if (win) {
    const { left, top } = panelPosition(
      { width: host.offsetWidth || 320, height: host.offsetHeight || 360 },
      button.host.getBoundingClientRect(),
      post.getBoundingClientRect(),
      { width: win.innerWidth, height: win.innerHeight },
    );
    host.style.left = `${left}px`;
    host.style.top = `${top}px`;
  }
  open.set(doc, panel);
  category.focus();
  return panel;
}
