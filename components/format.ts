export { platformName } from '@/lib/evidence/labels';
export { formatDate, formatDateTime } from '@/lib/i18n/dates';
