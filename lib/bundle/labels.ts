import { platformName } from '../../components/format';
import type { AuditEntry } from '../evidence/audit';
import { DEFAULT_CATEGORIES } from '../evidence/categories';
import type { Platform, PostKind } from '../platforms/snapshot';

// Indonesian words the CSV and the report share, so a finding reads the same in both.

const KINDS: Record<PostKind, string> = {
  post: 'Unggahan',
  reply: 'Balasan',
  comment: 'Komentar',
  reaction: 'Reaksi / suka',
  repost: 'Unggah ulang',
};

const ACTIONS: Record<AuditEntry['action'], string> = {
  edit: 'Diubah',
  delete: 'Dihapus',
  media: 'Media asli disimpan',
};

export function kindLabel(kind: PostKind): string {
  return KINDS[kind] ?? kind;
}

/** The label of a category id; an id the defaults do not know (an office's own) is shown as is. */
export function categoryLabel(id: string): string {
  return DEFAULT_CATEGORIES.find((c) => c.id === id)?.label ?? id;
}

export function platformLabel(platform: Platform): string {
  return platformName(platform) ?? platform;
}

export function actionLabel(action: AuditEntry['action']): string {
  return ACTIONS[action] ?? action;
}

export const yesNo = (value: boolean) => (value ? 'ya' : 'tidak');
