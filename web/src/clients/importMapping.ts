// Pure helpers of the import wizard: column mapping, file format, CSV of the
// rejected rows.
import { IMPORT_FIELDS, type ImportField, type ImportRejectedRow } from './types';

/** Fields several columns may feed (each adds to the list). */
export const REPEATABLE_FIELDS: readonly ImportField[] = ['phones', 'tags', 'notes', 'ignore'];

function isImportField(value: unknown): value is ImportField {
  return (IMPORT_FIELDS as readonly unknown[]).includes(value);
}

/** The server's {"0": "first_name", ...} -> one field per column ("ignore" when unmapped). */
export function mappingToList(mapping: Record<string, string> | undefined, columns: number): ImportField[] {
  const out: ImportField[] = [];
  for (let i = 0; i < columns; i++) {
    const value = mapping?.[String(i)];
    out.push(isImportField(value) ? value : 'ignore');
  }
  return out;
}

/** One field per column -> the {"0": "first_name", ...} the run endpoint takes. */
export function listToMapping(list: readonly ImportField[]): Record<string, ImportField> {
  const out: Record<string, ImportField> = {};
  list.forEach((field, i) => {
    out[String(i)] = field;
  });
  return out;
}

/**
 * Maps column `index` to `field`. A field that only one column may feed is
 * taken away from the column that had it (that column becomes "ignore").
 */
export function assignField(list: readonly ImportField[], index: number, field: ImportField): ImportField[] {
  return list.map((current, i) => {
    if (i === index) return field;
    if (current === field && !REPEATABLE_FIELDS.includes(field)) return 'ignore';
    return current;
  });
}

export interface MappingCheck {
  /** No first, last or full name is mapped: nothing names a client. */
  missingName: boolean;
  /** Both full_name and first_name/last_name are mapped. */
  nameConflict: boolean;
  /** Nothing but "ignore". */
  empty: boolean;
}

export function checkMapping(list: readonly ImportField[]): MappingCheck {
  const has = (f: ImportField) => list.includes(f);
  return {
    missingName: !has('first_name') && !has('last_name') && !has('full_name'),
    nameConflict: has('full_name') && (has('first_name') || has('last_name') || has('middle_name')),
    empty: list.every((f) => f === 'ignore'),
  };
}

export type ImportFormat = 'csv' | 'xlsx';

export const IMPORT_CONTENT_TYPES: Record<ImportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The import format of a chosen file by its name (then its type), or null. */
export function importFormatOf(file: { name: string; type?: string }): ImportFormat | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.xlsx')) return 'xlsx';
  if (file.type === IMPORT_CONTENT_TYPES.csv) return 'csv';
  if (file.type === IMPORT_CONTENT_TYPES.xlsx) return 'xlsx';
  return null;
}

/** One CSV cell: quoted when needed; a leading = + - @ tab or CR gets a ' (formula-safe). */
export function csvCell(value: string): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\n\r;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  // CRLF line ends and a BOM: what spreadsheet programs open without asking.
  return `\ufeff${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * The rejected rows as CSV: row number, the reasons, and the row's own cells
 * when they are known (`cellsOf`).
 */
export function rejectedRowsCsv(
  rejected: readonly ImportRejectedRow[],
  headers: { row: string; errors: string; columns: readonly string[] },
  describe: (e: ImportRejectedRow['errors'][number]) => string,
  cellsOf: (row: number) => readonly string[] | undefined = () => undefined,
): string {
  const rows: string[][] = [[headers.row, headers.errors, ...headers.columns]];
  for (const r of rejected) {
    const cells = cellsOf(r.row) ?? [];
    rows.push([String(r.row), r.errors.map(describe).join('; '), ...headers.columns.map((_, i) => cells[i] ?? '')]);
  }
  return toCsv(rows);
}

/** A small RFC 4180 reader (quotes, doubled quotes, CRLF; ',' ';' or tab). */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\ufeff/, '');
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  const delimiter = counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
