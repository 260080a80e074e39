import { useState } from 'preact/hooks';

interface FileDropProps {
  id: string;
  hint: string;
  accept: string;
  testId: string;
  onFile: (file: File) => void;
}

/**
 * A drop zone that is the label of its file input: a click (or Enter on the focused input) opens the
 * picker, and a file can be dropped on it.
 */
export function FileDrop({ id, hint, accept, testId, onFile }: FileDropProps) {
  const [over, setOver] = useState(false);
  return (
    <label
      for={id}
      class={`drop${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer?.files[0];
        if (file) onFile(file);
      }}
    >
      <span class="drop-hint">{hint}</span>
      <input
        id={id}
        type="file"
        accept={accept}
        data-testid={testId}
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          // Cleared, so choosing the same (corrected) file again fires change again.
          input.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}
