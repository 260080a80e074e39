import { Nip } from '@/lib/config/schema';
import { t } from '@/lib/i18n';

/** The NIP as stored: officers copy it with spaces or dots ("19900101 201503 1 001"). */
export function nipDigits(typed: string): string {
  return typed.replace(/[\s.]/g, '');
}

/** Why a typed NIP cannot be saved, or null when it is empty or 18 digits. */
export function nipError(typed: string): string | null {
  const digits = nipDigits(typed);
  if (digits === '' || Nip.safeParse(digits).success) return null;
  if (!/^\d+$/.test(digits)) return t('options_nip_not_digits');
  return t('options_nip_length', digits.length);
}
