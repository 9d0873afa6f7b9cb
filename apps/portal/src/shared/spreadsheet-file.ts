/** The two spreadsheet formats uploads accept (question bank, rosters), told apart the same way. */
export type SpreadsheetKind = 'csv' | 'xlsx';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The file input's `accept`: by extension too, since phones often give a CSV no type or a wrong one. */
export const SPREADSHEET_ACCEPT = ['.xlsx', '.csv', XLSX_TYPE, 'text/csv'].join(',');

/** Which of the two formats a file is, by its name first (types vary by phone and browser). */
export function spreadsheetKind(file: { name: string; type: string }): SpreadsheetKind | null {
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  if (extension === 'xlsx') return 'xlsx';
  if (extension === 'csv') return 'csv';
  if (file.type === XLSX_TYPE) return 'xlsx';
  if (file.type === 'text/csv') return 'csv';
  return null;
}
