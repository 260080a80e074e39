import type { ComponentChildren } from 'preact';

/** A link read from a page opens in a new tab; anything but http(s) (a `javascript:` URL) stays plain text. */
export function ExternalLink({ href, children }: { href: string; children?: ComponentChildren }) {
  let safe = false;
  try {
    safe = ['https:', 'http:'].includes(new URL(href).protocol);
  } catch {
    safe = false;
  }
  if (!safe) return <span class="url">{children ?? href}</span>;
  return (
    <a class="url" href={href} target="_blank" rel="noopener noreferrer">
      {children ?? href}
    </a>
  );
}
