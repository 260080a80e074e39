import './file-drop.css';
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';

interface FileDropProps {
  id: string;
  /** After the button: "atau letakkan berkas CSV di sini". */
  hint: string;
  accept: string;
  testId: string;
  onFile: (file: File) => void;
}

/**
 * A drop zone that is the label of its file input: a click (or Enter on the focused input) opens the
 * picker, and a file can be dropped on it. The input itself is only visually hidden: the browser would
 * label it "Choose File / No file chosen" in its own language, whatever the officer chose.
 */
export function FileDrop({ id, hint, accept, testId, onFile }: FileDropProps) {
  const [over, setOver] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const take = (file: File) => {
    setChosen(file.name);
    onFile(file);
  };
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
        if (file) take(file);
      }}
    >
      <span class="drop-button">{t('common_file_choose')}</span>
      <span class="drop-hint">{hint}</span>
      {chosen && <span class="drop-file">{t('common_file_chosen', chosen)}</span>}
      <input
        id={id}
        class="visually-hidden"
        type="file"
        accept={accept}
        data-testid={testId}
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          // Cleared, so choosing the same (corrected) file again fires change again.
          input.value = '';
          if (file) take(file);
        }}
      />
    </label>
  );
}
