import { useEffect, useRef, useState } from 'preact/hooks';
import type { Language, WatchlistEntry } from '@/lib/config/schema';
import { platformName } from '@/lib/evidence/labels';
import { t } from '@/lib/i18n';
import type { FieldControl } from './Field';

const MIN_QUERY = 2;
const DEBOUNCE_MS = 200;

function entryDetail(entry: WatchlistEntry, lang: Language): string {
  const account = entry.handle ? `@${entry.handle}` : entry.profileUrl;
  return [
    entry.nip && `NIP ${entry.nip}`,
    entry.agency,
    `${platformName(entry.platform, lang)} ${account ?? ''}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * The ASN name field with suggestions from the watchlist (an ARIA 1.2 combobox: arrows move through the
 * list, Enter picks, Esc closes). Picking hands the whole entry back, so its NIP and agency fill in too.
 */
export function AsnCombobox({
  control,
  value,
  lang,
  search,
  onInput,
  onPick,
}: {
  control: FieldControl;
  value: string;
  lang: Language;
  search: (query: string) => Promise<WatchlistEntry[]>;
  onInput: (value: string) => void;
  onPick: (entry: WatchlistEntry) => void;
}) {
  const [typing, setTyping] = useState(false);
  const [entries, setEntries] = useState<WatchlistEntry[]>([]);
  const [active, setActive] = useState(-1);
  const ticket = useRef(0);
  const listId = `${control.id}-list`;

  useEffect(() => {
    const query = value.trim();
    const mine = ++ticket.current;
    if (!typing || query.length < MIN_QUERY) {
      setEntries([]);
      return;
    }
    const timer = setTimeout(() => {
      void search(query).then((found) => {
        if (mine !== ticket.current) return;
        setEntries(found);
        setActive(-1);
      });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value, typing]);

  const open = typing && entries.length > 0;
  const pick = (entry: WatchlistEntry) => {
    setTyping(false);
    onPick(entry);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + entries.length) % entries.length);
    } else if (event.key === 'Enter' && entries[active]) {
      event.preventDefault();
      pick(entries[active]);
    } else if (event.key === 'Escape') {
      // Closes the list only, not a dialog or the page around it.
      event.preventDefault();
      event.stopPropagation();
      setTyping(false);
    }
  };

  return (
    <div class="combobox">
      <input
        {...control}
        data-testid="edit-asn-name"
        type="text"
        role="combobox"
        autocomplete="off"
        maxLength={200}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        value={value}
        onInput={(e) => {
          setTyping(true);
          onInput(e.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTyping(false)}
      />
      <div
        id={listId}
        role="listbox"
        class="suggestions"
        hidden={!open}
        aria-label={t('review_asn_suggestions_label')}
      >
        {entries.map((entry, i) => (
          <div
            key={entry.id}
            id={`${listId}-${i}`}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            // mousedown, not click: the input keeps its focus, so its blur does not close the list first.
            onMouseDown={(e) => {
              e.preventDefault();
              pick(entry);
            }}
          >
            <span class="name">{entry.name}</span>
            <span class="meta">{entryDetail(entry, lang)}</span>
          </div>
        ))}
      </div>
      <span class="sr-only" aria-live="polite">
        {open ? t('review_asn_suggestions', entries.length) : ''}
      </span>
    </div>
  );
}
