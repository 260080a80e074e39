// NIP (Nomor Induk Pegawai): 18 digits. Officers copy it with spaces or dots ("19900101 201503 1 001");
// it is stored as the digits. No schema imports here: the content script's panel uses it too.
export const NIP_PATTERN = /^\d{18}$/;

/** The NIP as stored: the typed or pasted text without its spaces and dots. */
export function nipDigits(typed: string): string {
  return typed.replace(/[\s.]/g, '');
}

export function isNip(value: string): boolean {
  return NIP_PATTERN.test(value);
}
