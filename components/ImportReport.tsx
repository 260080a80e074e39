import type { ImportProblem } from '@/lib/config/import';
import { t } from '@/lib/i18n';

interface ImportReportProps {
  /** e.g. "Berkas tidak diimpor: 3 masalah ditemukan." */
  title: string;
  problems: ImportProblem[];
  testId?: string;
}

/**
 * Why a file was refused, one line per problem with its row and column, as a spreadsheet shows them.
 * Row and column are `shrink` (as narrow as their values) so the problem text gets the width.
 */
export function ImportReport({ title, problems, testId }: ImportReportProps) {
  return (
    <div class="import-report" data-testid={testId}>
      <p class="import-report-title">{title}</p>
      <table>
        <thead>
          <tr>
            <th scope="col" class="shrink">
              {t('common_row')}
            </th>
            <th scope="col" class="shrink">
              {t('common_column')}
            </th>
            <th scope="col">{t('common_problem')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((problem, i) => (
            <tr key={i}>
              <td>{problem.row ?? '—'}</td>
              <td>{problem.column ?? '—'}</td>
              <td>{problem.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
