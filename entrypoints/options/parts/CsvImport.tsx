import { useState } from 'preact/hooks';
import { FileDrop } from '@/components/FileDrop';
import { ImportReport } from '@/components/ImportReport';
import type { ImportProblem, ImportResult } from '@/lib/config/import';
import { t } from '@/lib/i18n';
import { errorText, formatCount } from '../format';
import type { CsvTemplate } from '../templates';
import { type Column, ColumnCells, ColumnHeads } from './Columns';
import { type Status, StatusLine } from './StatusLine';

interface CsvImportProps<T> {
  /** 'watchlist' | 'rules': element ids and data-testid prefixes. */
  name: string;
  importer: (bytes: Uint8Array) => ImportResult<T>;
  columns: Column<T>[];
  currentCount: number;
  /** Replaces the whole list with the file's items. */
  replace: (items: T[]) => Promise<void>;
  template: CsvTemplate;
}

type Step<T> =
  | { step: 'idle' }
  | { step: 'ready'; fileName: string; items: T[] }
  | { step: 'refused'; fileName: string; problems: ImportProblem[] };

const PREVIEW = 5;

/**
 * A CSV file in, and nothing changes until the officer confirms: a good file shows its count and first
 * rows; a bad one shows every problem with its row and column, and the list stays as it was.
 */
export function CsvImport<T>({
  name,
  importer,
  columns,
  currentCount,
  replace,
  template,
}: CsvImportProps<T>) {
  const [state, setState] = useState<Step<T>>({ step: 'idle' });
  const [summary, setSummary] = useState<Status | null>(null);

  const read = async (file: File) => {
    let result: ImportResult<T>;
    try {
      result = importer(new Uint8Array(await file.arrayBuffer()));
    } catch (error) {
      setState({ step: 'idle' });
      setSummary({ kind: 'error', text: t('options_import_failed', file.name, errorText(error)) });
      return;
    }
    if (result.ok) {
      setState({ step: 'ready', fileName: file.name, items: result.items });
      setSummary({
        kind: 'ok',
        text: t('options_import_ready', file.name, formatCount(result.items.length)),
      });
    } else {
      setState({ step: 'refused', fileName: file.name, problems: result.problems });
      setSummary({ kind: 'error', text: t('options_import_refused', file.name, result.problems.length) });
    }
  };
  const confirm = async (items: T[]) => {
    try {
      await replace(items);
      setState({ step: 'idle' });
      setSummary({ kind: 'ok', text: t('options_import_done', formatCount(items.length)) });
    } catch (error) {
      setSummary({ kind: 'error', text: t('options_save_failed', errorText(error)) });
    }
  };

  return (
    <div class="csv-import">
      <FileDrop
        id={`${name}-file`}
        testId={`${name}-file`}
        accept=".csv,text/csv"
        hint={t('options_import_drop_csv')}
        onFile={(file) => void read(file)}
      />
      <p class="template-link">
        <a
          href={`data:text/csv;charset=utf-8,${encodeURIComponent(template.content)}`}
          download={template.fileName}
          data-testid={`${name}-template`}
        >
          {t('options_import_template')}
        </a>
      </p>
      <StatusLine status={summary} testId={`${name}-import-status`} />
      {state.step === 'ready' && (
        <div class="import-preview">
          <table>
            <caption>{t('options_import_preview', Math.min(PREVIEW, state.items.length))}</caption>
            <thead>
              <tr>
                <ColumnHeads columns={columns} />
              </tr>
            </thead>
            <tbody>
              {state.items.slice(0, PREVIEW).map((item, i) => (
                <tr key={i}>
                  <ColumnCells columns={columns} item={item} />
                </tr>
              ))}
            </tbody>
          </table>
          <p class="warning">{t('options_import_replaces', formatCount(currentCount))}</p>
          <div class="buttons">
            <button
              type="button"
              class="primary"
              data-testid={`${name}-confirm`}
              onClick={() => void confirm(state.items)}
            >
              {t('options_import_confirm', formatCount(state.items.length))}
            </button>
            <button
              type="button"
              onClick={() => {
                setState({ step: 'idle' });
                setSummary(null);
              }}
            >
              {t('common_cancel')}
            </button>
          </div>
        </div>
      )}
      {state.step === 'refused' && (
        <ImportReport
          title={t('options_import_unchanged')}
          problems={state.problems}
          testId={`${name}-report`}
        />
      )}
    </div>
  );
}
