import type { $ZodIssue } from 'zod/v4/core';
import { t } from '../i18n';

// zod's issues in words an officer can act on, each led by where it is: "watchlist[3].nip: NIP harus
// 18 digit".

/** "watchlist[3].nip" */
export function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

const TYPE_KEYS: Record<string, string> = {
  string: 'import_type_string',
  number: 'import_type_number',
  int: 'import_type_number',
  boolean: 'import_type_boolean',
  array: 'import_type_array',
  object: 'import_type_object',
  null: 'import_type_null',
};

/** The message for one issue found in `data` (the parsed JSON, to tell a missing field from a wrong one). */
export function issueMessage(issue: $ZodIssue, data: unknown): string {
  const where = pathText(issue.path) || '$';
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(data, issue.path) === undefined) return t('import_issue_missing', where);
      return t(
        'import_issue_type',
        where,
        TYPE_KEYS[issue.expected] ? t(TYPE_KEYS[issue.expected]!) : issue.expected,
      );
    case 'too_big':
      return issue.origin === 'string'
        ? t('import_issue_too_long', where, String(issue.maximum))
        : t('import_issue_too_many', where, String(issue.maximum));
    case 'too_small':
      return issue.origin === 'string'
        ? t('import_issue_too_short', where, String(issue.minimum))
        : t('import_issue_too_few', where, String(issue.minimum));
    case 'invalid_format':
      return issue.path[issue.path.length - 1] === 'nip'
        ? t('import_issue_nip', where)
        : t('import_issue_format', where);
    case 'custom':
      // Our own refinements word their message (in the officer's language) when they fail.
      return `${where}: ${issue.message}`;
    case 'invalid_value':
      return t('import_issue_value', where, issue.values.map((v) => JSON.stringify(v)).join(', '));
    default:
      return t('import_issue_invalid', where);
  }
}
