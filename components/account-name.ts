import { t } from '@/lib/i18n';
import type { Account } from '@/lib/platforms/snapshot';

/** "Sri Wahyuni (@sriwahyuni_guru)", or whichever half the page showed. */
export function accountName(account: Account): string {
  const handle = account.handle ? `@${account.handle}` : null;
  if (account.displayName && handle) return `${account.displayName} (${handle})`;
  return account.displayName ?? handle ?? t('review_account_unknown');
}
