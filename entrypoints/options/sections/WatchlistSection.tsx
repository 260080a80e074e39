import type { ComponentChildren } from 'preact';
import { Field, TextField } from '@/components/Field';
import { saveWatchlist } from '@/lib/config/config-store';
import { importWatchlistCsv } from '@/lib/config/import';
import type { WatchlistEntry } from '@/lib/config/schema';
import { platformName } from '@/lib/evidence/labels';
import { language, t } from '@/lib/i18n';
import { Breakable } from '../parts/Breakable';
import type { Column } from '../parts/Columns';
import { ConfigList, type EditorProps } from '../parts/ConfigList';
import { CsvImport } from '../parts/CsvImport';
import { EditorForm } from '../parts/EditorForm';
import { Section } from '../parts/Section';
import { WATCHLIST_TEMPLATE } from '../templates';
import { useFormValues } from '../use-form-values';
import { type WatchlistValues, watchlistEntryFromForm, watchlistValues } from '../watchlist-form';

const PLATFORMS = ['x', 'facebook', 'instagram'] as const;

function columns(): Column<WatchlistEntry>[] {
  return [
    {
      header: t('options_watchlist_name_nip'),
      cell: (e) => stacked(e.name, e.nip && <span class="nip">{e.nip}</span>),
      width: '22%',
    },
    {
      header: t('options_watchlist_agency_position'),
      cell: (e) => stacked(e.agency ?? '—', e.position),
      width: '30%',
    },
    { header: t('common_platform'), cell: (e) => platformName(e.platform, language()), class: 'shrink' },
    {
      header: t('options_watchlist_account'),
      cell: (e) =>
        stacked(
          e.handle ? <Breakable text={e.handle} /> : '—',
          e.profileUrl && <Breakable text={e.profileUrl} />,
        ),
    },
  ];
}

/** Two values in one cell, the second smaller: keeps the table readable in a 940px column. */
function stacked(main: ComponentChildren, sub: ComponentChildren) {
  return (
    <span class="stack">
      <span>{main}</span>
      {sub && <span class="sub">{sub}</span>}
    </span>
  );
}

const searchText = (e: WatchlistEntry) =>
  [e.name, e.nip, e.agency, e.position, e.platform, e.handle, e.profileUrl].join(' ');
const entryName = (e: WatchlistEntry) => (e.handle ? `${e.name} (${e.handle})` : e.name);

/** The ASN accounts the office watches: their posts get a marker in the feed. */
export function WatchlistSection({ entries }: { entries: WatchlistEntry[] }) {
  const cols = columns();
  return (
    <Section id="watchlist" title={t('options_watchlist_title')} intro={t('options_watchlist_intro')}>
      <h3>{t('options_import_title')}</h3>
      <CsvImport
        name="watchlist"
        importer={importWatchlistCsv}
        columns={cols}
        currentCount={entries.length}
        replace={saveWatchlist}
        template={WATCHLIST_TEMPLATE}
      />
      <h3>{t('options_watchlist_entries')}</h3>
      <ConfigList
        name="watchlist"
        items={entries}
        columns={cols}
        searchText={searchText}
        itemName={entryName}
        editor={(props) => <WatchlistEditor {...props} others={entries} />}
        save={saveWatchlist}
        addLabel={t('options_watchlist_add')}
        emptyText={t('options_watchlist_empty')}
      />
    </Section>
  );
}

function WatchlistEditor({
  initial,
  others,
  onSubmit,
  onCancel,
}: EditorProps<WatchlistEntry> & { others: WatchlistEntry[] }) {
  const { values, errors, setErrors, set } = useFormValues(() => watchlistValues(initial));
  const text = (key: Exclude<keyof WatchlistValues, 'platform'>, label: string, hint?: string) => (
    <TextField
      id={`watchlist-edit-${key}`}
      testId={`watchlist-edit-${key}`}
      label={label}
      hint={hint}
      error={errors[key]}
      maxLength={key === 'profileUrl' ? 2_048 : 200}
      value={values[key]}
      onValue={set(key)}
    />
  );
  return (
    <EditorForm
      id="watchlist-editor"
      legend={initial ? t('options_watchlist_edit_legend', initial.name) : t('options_watchlist_add')}
      check={() => watchlistEntryFromForm(values, initial?.id ?? null, others)}
      onErrors={setErrors}
      onSubmit={onSubmit}
      onCancel={onCancel}
    >
      {text('name', t('options_watchlist_name'))}
      {text('nip', t('options_watchlist_nip'), t('options_officer_nip_hint'))}
      {text('agency', t('options_watchlist_agency'))}
      {text('position', t('options_watchlist_position'))}
      <Field id="watchlist-edit-platform" label={t('common_platform')}>
        {(control) => (
          <select
            {...control}
            value={values.platform}
            onChange={(e) => set('platform')(e.currentTarget.value as WatchlistValues['platform'])}
          >
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {platformName(p, language())}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('handle', t('options_watchlist_handle'), t('options_watchlist_handle_hint'))}
      {text('profileUrl', t('options_watchlist_url'))}
    </EditorForm>
  );
}
