import type { AuditEntry } from '../evidence/audit';
import { categoryLabel, kindLabel, platformName } from '../evidence/labels';

// Indonesian words the CSV and the report share, so a finding reads the same in both.

const ACTIONS: Record<AuditEntry['action'], string> = {
  edit: 'Diubah',
  delete: 'Dihapus',
  media: 'Media asli disimpan',
};

export { categoryLabel, kindLabel, platformName as platformLabel };

export function actionLabel(action: AuditEntry['action']): string {
  return ACTIONS[action] ?? action;
}

export const yesNo = (value: boolean) => (value ? 'ya' : 'tidak');
