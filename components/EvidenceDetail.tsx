import type { ComponentChildren } from 'preact';
import type { Category, Language } from '@/lib/config/schema';
import type { AuditEntry } from '@/lib/evidence/audit';
import type { EvidenceDb } from '@/lib/evidence/db';
import { categoryLabel, kindLabel, platformName } from '@/lib/evidence/labels';
import type { EvidenceView } from '@/lib/evidence/review-query';
import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/dates';
import type { Account } from '@/lib/platforms/snapshot';
import { AuditHistory } from './AuditHistory';
import { accountName } from './account-name';
import { EvidenceScreenshots } from './EvidenceScreenshots';
import { ExternalLink } from './ExternalLink';

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function AccountLink({ account }: { account: Account }) {
  const name = accountName(account);
  return account.profileUrl ? <ExternalLink href={account.profileUrl}>{name}</ExternalLink> : name;
}

/** An adapter's field name ("author.handle") in the officer's words, or as it is when unknown. */
function fieldName(field: string): string {
  const key = `review_field_${field.replace(/\W/g, '_')}`;
  const text = t(key);
  return text === key ? field : text;
}

/** The other captures of the same post, oldest first; the shown one is marked current. */
function VersionList({
  view,
  versions,
  lang,
  onSelect,
}: {
  view: EvidenceView;
  versions: EvidenceView[];
  lang: Language;
  onSelect: (id: string) => void;
}) {
  return (
    <ol class="versions">
      {versions.map((v) => (
        <li key={v.id}>
          <button
            type="button"
            class="link-button"
            aria-current={v.id === view.id ? 'true' : undefined}
            onClick={() => onSelect(v.id)}
          >
            {t('review_version_item', v.version, formatDateTime(v.capturedAt, lang))}
          </button>
          {v.changed.length > 0 && (
            <span class="meta"> · {t('review_version_changed', v.changed.map(fieldName).join(', '))}</span>
          )}
        </li>
      ))}
    </ol>
  );
}

export interface EvidenceDetailProps {
  view: EvidenceView;
  /** Every capture of the same post on the device (including this one). */
  versions: EvidenceView[];
  /** This finding's audit entries, oldest first. */
  history: AuditEntry[];
  db: EvidenceDb;
  lang: Language;
  categories: Category[];
  onSelect: (id: string) => void;
  onCopyHash: (hash: string) => void;
  /** What the page does with the finding (edit, delete), inside the article under its sticky heading. */
  children?: ComponentChildren;
}

/** Everything recorded about one finding, its post text verbatim (as text, never as HTML). */
export function EvidenceDetail(props: EvidenceDetailProps) {
  const { view, versions, history, db, lang, categories } = props;
  const { post } = view;
  const who = accountName(post.author);
  const missing = [...new Set([...post.missing, ...view.missing])];
  return (
    <article class="detail" aria-labelledby="detail-title">
      <header class="detail-head">
        <h2 id="detail-title" tabIndex={-1}>
          {t('review_detail_title', view.seq, platformName(post.platform, lang), kindLabel(post.kind, lang))}
        </h2>
        <p class="meta">
          {who} · {formatDateTime(view.capturedAt, lang)}
        </p>
      </header>
      <EvidenceScreenshots db={db} evidence={view} who={who} />
      <h3>{t('review_text')}</h3>
      <p class="verbatim">{post.text || t('common_no_text')}</p>
      {post.textTruncated && <p class="meta warn">{t('review_text_truncated')}</p>}
      <dl class="fields">
        <Row label={t('review_permalink')}>
          {post.url ? <ExternalLink href={post.url} /> : t('review_not_read')}
        </Row>
        <Row label={t('review_author')}>
          <AccountLink account={post.author} />
        </Row>
        {post.coAuthors?.length ? (
          <Row label={t('review_coauthors')}>
            {post.coAuthors.map((a, i) => (
              <span key={a.profileUrl ?? a.handle ?? i}>
                {i > 0 && ', '}
                <AccountLink account={a} />
              </span>
            ))}
          </Row>
        ) : null}
        {post.repostedBy && (
          <Row label={t('review_reposted_by')}>
            <AccountLink account={post.repostedBy} />
          </Row>
        )}
        {post.parent && (
          <Row label={t('review_parent')}>
            <AccountLink account={post.parent.author} />
            {post.parent.url && (
              <>
                {' · '}
                <ExternalLink href={post.parent.url}>{t('common_link')}</ExternalLink>
              </>
            )}
            {post.parent.textExcerpt && <p class="verbatim excerpt">{post.parent.textExcerpt}</p>}
          </Row>
        )}
        {post.quoted && (
          <Row label={t('review_quoted')}>
            <AccountLink account={post.quoted.author} />
            <p class="verbatim excerpt">{post.quoted.text || t('common_no_text')}</p>
          </Row>
        )}
        <Row label={t('review_posted_at')}>
          {post.postedAt ? formatDateTime(post.postedAt, lang) : t('review_not_read')}
        </Row>
        <Row label={t('review_col_captured')}>{formatDateTime(view.capturedAt, lang)}</Row>
        <Row label={t('common_category')}>{categoryLabel(view.category, lang, categories)}</Row>
        <Row label={t('review_asn')}>
          {view.asn
            ? [view.asn.name, view.asn.nip && `NIP ${view.asn.nip}`, view.asn.agency]
                .filter(Boolean)
                .join(' · ')
            : t('review_asn_none')}
        </Row>
        <Row label={t('common_note')}>
          {view.note ? <span class="verbatim">{view.note}</span> : t('common_none')}
        </Row>
        {missing.length > 0 && <Row label={t('review_missing')}>{missing.map(fieldName).join(', ')}</Row>}
        <Row label={t('review_hash')}>
          <code title={view.hash}>{view.hash ? `${view.hash.slice(0, 16)}…` : t('review_not_sealed')}</code>{' '}
          {view.hash && (
            <button
              type="button"
              class="small"
              aria-label={t('review_copy_hash')}
              onClick={() => props.onCopyHash(view.hash)}
            >
              {t('common_copy')}
            </button>
          )}
        </Row>
        <Row label={t('review_export_status')}>
          {view.exportedAt
            ? t('review_exported_at', formatDateTime(view.exportedAt, lang))
            : t('review_badge_pending')}
        </Row>
      </dl>
      {versions.length > 1 && (
        <section aria-labelledby="versions-title">
          <h3 id="versions-title">{t('review_versions')}</h3>
          <VersionList view={view} versions={versions} lang={lang} onSelect={props.onSelect} />
        </section>
      )}
      <section aria-labelledby="history-title">
        <h3 id="history-title">{t('review_history')}</h3>
        <AuditHistory entries={history} lang={lang} categories={categories} />
      </section>
      {props.children}
    </article>
  );
}
