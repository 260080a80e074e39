import { isNip, nipDigits } from '@/lib/config/nip';
import { t } from '@/lib/i18n';

/** Why a typed NIP cannot be saved, or null when it is empty or 18 digits. */
export function nipError(typed: string): string | null {
  const digits = nipDigits(typed);
  if (digits === '' || isNip(digits)) return null;
  if (!/^\d+$/.test(digits)) return t('options_nip_not_digits');
  return t('options_nip_length', digits.length);
}
