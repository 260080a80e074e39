// The marker beside a post's flag button: "ASN terdaftar: <name>, <agency>" and/or "Cocok: <terms>".
// It only informs the officer; it never flags anything. Names and terms come from the office's
// configuration and are rendered as text only.
import type { Identity, ShownMatch } from './replies';
import { shadowHost } from './shadow';
import { feedLanguage, text } from './strings';

const describe = (asn: Identity) => (asn.agency ? `${asn.name}, ${asn.agency}` : asn.name);

export function createMarker(doc: Document, match: ShownMatch): HTMLElement {
  const { host, root } = shadowHost(doc, 'netra-marker');
  host.setAttribute('data-netra-marker', '');
  host.dataset.asn = match.asn.map((asn) => asn.name).join('|');
  host.dataset.terms = match.terms.map((rule) => rule.term).join('|');
  if (feedLanguage()) host.lang = feedLanguage();

  const note = doc.createElement('div');
  note.className = 'marker';
  note.setAttribute('role', 'note');
  const full: string[] = [];
  const badge = (kind: string, shown: string, whole: string) => {
    const span = doc.createElement('span');
    span.className = `badge ${kind}`;
    span.textContent = shown;
    note.append(span);
    full.push(whole);
  };
  const [first, ...others] = match.asn;
  if (first) {
    const more = others.length > 0 ? ` +${others.length}` : '';
    badge(
      'asn',
      text('feed_marker_asn', describe(first) + more),
      text('feed_marker_asn', match.asn.map(describe).join('; ')),
    );
  }
  if (match.terms.length > 0) {
    badge(
      'terms',
      text('feed_marker_terms', match.terms.map((rule) => rule.term).join(', ')),
      text('feed_marker_terms', match.terms.map((rule) => `${rule.term} (${rule.label})`).join(', ')),
    );
  }
  note.setAttribute('aria-label', text('feed_marker_label', full.join('. ')));
  note.title = full.join('\n');
  root.append(note);
  return host;
}
