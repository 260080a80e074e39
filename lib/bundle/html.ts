// The report is built as a string (it is a file in a zip, not a DOM), so escaping is the only thing
// between hostile post text and the office's browser. One function for every value, text and
// attribute alike; attributes are always double-quoted.

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** User text inline: isolated with <bdi> so an RTL override in it cannot reorder the labels around it. */
export function userText(value: string | null | undefined, empty = '—'): string {
  return value ? `<bdi>${escapeHtml(value)}</bdi>` : escapeHtml(empty);
}

/**
 * A link only for http(s) URLs (a `javascript:` permalink is shown, never followed), its visible text
 * isolated like any user text.
 */
export function userLink(url: string | null | undefined, empty = '—'): string {
  if (!url) return escapeHtml(empty);
  let safe = false;
  try {
    safe = ['https:', 'http:'].includes(new URL(url).protocol);
  } catch {
    safe = false;
  }
  if (!safe) return `<code>${userText(url)}</code>`;
  return `<a href="${escapeHtml(url)}" rel="noreferrer noopener">${userText(url)}</a>`;
}

/** A definition list of label → already-escaped HTML; rows whose value is null are left out. */
export function definitions(rows: Array<[label: string, html: string | null]>): string {
  const items = rows
    .filter((row): row is [string, string] => row[1] !== null)
    .map(([label, html]) => `<dt>${escapeHtml(label)}</dt><dd>${html}</dd>`);
  return `<dl>${items.join('')}</dl>`;
}
