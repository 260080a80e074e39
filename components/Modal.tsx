import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A modal <dialog>: the page behind it is inert (the browser keeps focus inside), Esc closes it, and focus
 * goes to its `[data-autofocus]` control on opening and back where it was on closing.
 */
export function Modal({
  labelledBy,
  onClose,
  class: className,
  children,
}: {
  labelledBy: string;
  onClose: () => void;
  class?: string;
  children: ComponentChildren;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (previous?.isConnected) previous.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class={className}
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        // Esc: the parent decides (it unmounts the dialog), so the close is not done twice.
        event.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}
