import type { AsnIdentity, Category } from '@/lib/config/schema';
import { categoryLabel, kindLabel, platformName } from '@/lib/evidence/labels';
import type { Evidence, StoredScreenshot } from '@/lib/evidence/schema';
import { DICTIONARIES, language, t } from '@/lib/i18n';
import { BlobImage } from './BlobImage';
import { formatDateTime } from './format';

/** A changed field's name (card_change_<field>); a field without one is shown as it is. */
function changeName(field: string): string {
  const key = `card_change_${field}`;
  return key in DICTIONARIES.id ? t(key) : field;
}

function asnText(asn: AsnIdentity): string {
  return asn.agency ? `${asn.name} (${asn.agency})` : asn.name;
}

/**
 * One finding: thumbnail, who, what, when, and the officer's assessment (category, ASN) when the
 * finding is given as it reads after its edits. Post text is rendered as text, never as HTML.
 */
export function EvidenceCard({
  evidence,
  screenshot,
  categories,
}: {
  evidence: Evidence & { asn?: AsnIdentity | null };
  screenshot?: StoredScreenshot;
  /** The office's categories, for the category's label (the defaults when omitted). */
  categories?: readonly Category[];
}) {
  const lang = language();
  const { post } = evidence;
  const who = post.author.displayName ?? post.author.handle ?? t('card_unreadable_account');
  const handle = post.author.handle ? `@${post.author.handle}` : '';
  return (
    <li class="evidence-card">
      <BlobImage class="thumb" blob={screenshot?.blob} alt={t('card_screenshot_alt', who)} />
      <div class="body">
        <div class="who">
          <span class="name">{who}</span> <span class="handle">{handle}</span>
        </div>
        {evidence.asn && <div class="meta asn">{t('card_asn', asnText(evidence.asn))}</div>}
        {post.repostedBy && (
          <div class="meta">
            {t('card_reposted_by', post.repostedBy.handle ?? post.repostedBy.displayName ?? '?')}
          </div>
        )}
        <p class="text">{post.text || t('common_no_text')}</p>
        <div class="meta category">
          {t('card_category', categoryLabel(evidence.category, lang, categories))}
        </div>
        {evidence.changed.length > 0 && (
          <div class="meta changed">{t('card_changed', evidence.changed.map(changeName).join(', '))}</div>
        )}
        {evidence.missing.includes('screenshot') && <div class="meta changed">{t('card_no_screenshot')}</div>}
        <div class="meta">
          {platformName(post.platform, lang)} · {kindLabel(post.kind, lang)} · #{evidence.seq}
          {evidence.version > 1 && ` · ${t('card_version', evidence.version)}`} ·{' '}
          {formatDateTime(evidence.capturedAt)}
          {post.url && (
            <>
              {' · '}
              <a href={post.url} target="_blank" rel="noopener noreferrer">
                {t('common_link')}
              </a>
            </>
          )}
        </div>
      </div>
    </li>
  );
}
