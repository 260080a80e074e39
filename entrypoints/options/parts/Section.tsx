import type { ComponentChildren } from 'preact';

interface SectionProps {
  id: string;
  title: string;
  intro?: string;
  children: ComponentChildren;
}

/** One settings section: a heading the in-page navigation links to, a short why, its controls. */
export function Section({ id, title, intro, children }: SectionProps) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} class="settings-section">
      <h2 id={`${id}-title`}>{title}</h2>
      {intro && <p class="intro">{intro}</p>}
      {children}
    </section>
  );
}
