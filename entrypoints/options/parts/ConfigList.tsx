import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { language, t } from '@/lib/i18n';
import { errorText, formatCount } from '../format';
import { type Column, ColumnCells, ColumnHeads } from './Columns';
import { type ShowStatus, StatusLine, useStatus } from './StatusLine';

export interface EditorProps<T> {
  /** null: a new item. */
  initial: T | null;
  onSubmit: (item: T) => void;
  onCancel: () => void;
}

interface ConfigListProps<T extends { id: string }> {
  /** 'watchlist' | 'rules': element ids and data-testid prefixes. */
  name: string;
  items: T[];
  columns: Column<T>[];
  /** What the search box looks in. */
  searchText: (item: T) => string;
  /** How a confirmation or a button names one item ("Hapus Budi (@budi)?"). */
  itemName: (item: T) => string;
  /** The add/edit form (the section's own, which knows the rest of the list). */
  editor: (props: EditorProps<T>) => ComponentChildren;
  /** Writes the whole list (saveWatchlist / saveRules). */
  save: (items: T[]) => Promise<void>;
  addLabel: string;
  emptyText: string;
}

/** `editing` while a new item is being typed (real ids are never empty). */
const NEW_ITEM = '';

// 10,000 watchlist entries must stay responsive: only one page of rows is ever in the DOM.
const PAGE = 100;

/** A searchable, paged table of the office's list, with add, inline edit and remove (after a confirm). */
export function ConfigList<T extends { id: string }>(props: ConfigListProps<T>) {
  const { name, items, columns, editor } = props;
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [status, setStatus] = useStatus();
  // Searched text may hold translated names (a rule's kind), so it is rebuilt when the language changes.
  const lang = language();
  const haystack = useMemo(() => items.map((item) => props.searchText(item).toLowerCase()), [items, lang]);

  const needle = query.trim().toLowerCase();
  const found = needle ? items.filter((_, i) => haystack[i]!.includes(needle)) : items;
  const pages = Math.max(1, Math.ceil(found.length / PAGE));
  const current = Math.min(page, pages - 1);
  const shown = found.slice(current * PAGE, (current + 1) * PAGE);

  const write = async (next: T[], done: string) => {
    await saveList(props.save, next, done, setStatus);
    setEditing(null);
    setRemoving(null);
  };
  const submit = (item: T) => {
    const exists = items.some((i) => i.id === item.id);
    void write(
      exists ? items.map((i) => (i.id === item.id ? item : i)) : [...items, item],
      t('options_saved'),
    );
  };
  const cancel = () => setEditing(null);

  return (
    <div class="config-list">
      <div class="list-tools">
        <label for={`${name}-search`}>{t('common_search')}</label>
        <input
          id={`${name}-search`}
          type="search"
          value={query}
          data-testid={`${name}-search`}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setPage(0);
          }}
        />
        <button type="button" data-testid={`${name}-add`} onClick={() => setEditing(NEW_ITEM)}>
          {props.addLabel}
        </button>
      </div>
      {editing === NEW_ITEM && editor({ initial: null, onSubmit: submit, onCancel: cancel })}
      <StatusLine status={status} testId={`${name}-status`} />
      <p class="list-count" data-testid={`${name}-count`}>
        {found.length === 0
          ? items.length === 0
            ? props.emptyText
            : t('options_list_no_match')
          : t(
              'options_list_showing',
              formatCount(current * PAGE + 1),
              formatCount(current * PAGE + shown.length),
              formatCount(found.length),
            )}
      </p>
      {shown.length > 0 && (
        <div class="table-wrap">
          <table data-testid={`${name}-table`}>
            <thead>
              <tr>
                <ColumnHeads columns={columns} />
                <th scope="col">
                  <span class="visually-hidden">{t('common_actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((item) =>
                editing === item.id ? (
                  <tr key={item.id}>
                    <td colSpan={columns.length + 1}>
                      {editor({ initial: item, onSubmit: submit, onCancel: cancel })}
                    </td>
                  </tr>
                ) : (
                  <tr key={item.id} data-testid={`${name}-row`}>
                    <ColumnCells columns={columns} item={item} />
                    <td class="row-actions">
                      <RowActions
                        name={name}
                        itemName={props.itemName(item)}
                        confirming={removing === item.id}
                        onEdit={() => setEditing(item.id)}
                        onAskRemove={() => setRemoving(item.id)}
                        onCancelRemove={() => setRemoving(null)}
                        onRemove={() =>
                          void write(
                            items.filter((i) => i.id !== item.id),
                            t('options_list_removed', props.itemName(item)),
                          )
                        }
                      />
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav class="pager" aria-label={t('options_list_pages')}>
          <button
            type="button"
            disabled={current === 0}
            data-testid={`${name}-prev`}
            onClick={() => setPage(current - 1)}
          >
            {t('common_previous')}
          </button>
          <span>{t('options_list_page', current + 1, pages)}</span>
          <button
            type="button"
            disabled={current === pages - 1}
            data-testid={`${name}-next`}
            onClick={() => setPage(current + 1)}
          >
            {t('common_next')}
          </button>
        </nav>
      )}
    </div>
  );
}

interface RowActionsProps {
  name: string;
  itemName: string;
  /** Removal asked for: the row asks "Hapus …?" before anything is written. */
  confirming: boolean;
  onEdit: () => void;
  onAskRemove: () => void;
  onCancelRemove: () => void;
  onRemove: () => void;
}

function RowActions({ name, itemName, confirming, ...on }: RowActionsProps) {
  if (confirming)
    return (
      <>
        <span class="remove-question">{t('options_list_remove_confirm', itemName)}</span>
        <span class="actions">
          <button type="button" class="danger" data-testid={`${name}-remove-confirm`} onClick={on.onRemove}>
            {t('common_delete')}
          </button>
          <button type="button" onClick={on.onCancelRemove}>
            {t('common_cancel')}
          </button>
        </span>
      </>
    );
  // The accessible names start with the visible words (WCAG 2.5.3), so "klik Hapus" works by voice.
  return (
    <span class="actions">
      <button
        type="button"
        aria-label={t('options_list_edit_named', itemName)}
        data-testid={`${name}-edit`}
        onClick={on.onEdit}
      >
        {t('common_edit')}
      </button>
      <button
        type="button"
        aria-label={t('options_list_remove_named', itemName)}
        data-testid={`${name}-remove`}
        onClick={on.onAskRemove}
      >
        {t('common_delete')}
      </button>
    </span>
  );
}

async function saveList<T>(save: (items: T[]) => Promise<void>, items: T[], done: string, show: ShowStatus) {
  try {
    await save(items);
    show({ kind: 'ok', text: done });
  } catch (error) {
    show({
      kind: 'error',
      text: t('options_save_failed', errorText(error)),
    });
  }
}
