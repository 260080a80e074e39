const PLATFORM_NAMES = { x: 'X', facebook: 'Facebook', instagram: 'Instagram', web: 'Situs lain' } as const;

export function platformName(platform: keyof typeof PLATFORM_NAMES): string {
  return PLATFORM_NAMES[platform];
}

/** "21 Nov 2026 20.15" in Indonesian style, in the officer's own time zone. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
