import { type ComponentChildren, render } from 'preact';
import { vi } from 'vitest';

/** Renders `ui` into a fresh container in document.body; returns it and an unmount. */
export function mount(ui: ComponentChildren): { root: HTMLElement; unmount: () => void } {
  const root = document.createElement('div');
  document.body.append(root);
  render(ui, root);
  return {
    root,
    unmount: () => {
      render(null, root);
      root.remove();
    },
  };
}

/** `assertion` passes within 5 s (vi.waitFor's 1 s is short on a loaded machine). */
export function eventually<T>(assertion: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(assertion, { timeout: 5_000 });
}

/** The element with data-testid `id` once it exists (the page loads storage asynchronously). */
export function byTestId<T extends HTMLElement = HTMLElement>(root: ParentNode, id: string): Promise<T> {
  return eventually(() => {
    const el = root.querySelector<T>(`[data-testid="${id}"]`);
    if (!el) throw new Error(`no [data-testid="${id}"] yet`);
    return el;
  });
}

/**
 * Types `value` into an input as a person would: the value changes, an input event, and the next task
 * (Preact renders in between, as it does between a person's keystrokes and clicks).
 */
export async function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await nextTask();
}

export const nextTask = () => new Promise((resolve) => setTimeout(resolve));

/** Chooses `file` in a file input (what the picker does) and fires change. */
export function chooseFile(input: HTMLInputElement, file: File): void {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export function csvFile(name: string, text: string): File {
  return new File([new TextEncoder().encode(text)], name, { type: 'text/csv' });
}
