import { describe, expect, it } from 'vitest';
import {
  assignField,
  checkMapping,
  csvCell,
  importFormatOf,
  listToMapping,
  mappingToList,
  parseCsv,
  rejectedRowsCsv,
  toCsv,
} from './importMapping';

describe('import column mapping', () => {
  it('turns the server mapping into one field per column and back', () => {
    const list = mappingToList({ '0': 'first_name', '2': 'phones', '3': 'bogus' }, 4);
    expect(list).toEqual(['first_name', 'ignore', 'phones', 'ignore']);
    expect(listToMapping(list)).toEqual({ '0': 'first_name', '1': 'ignore', '2': 'phones', '3': 'ignore' });
    expect(mappingToList(undefined, 2)).toEqual(['ignore', 'ignore']);
  });

  it('moves a single-column field to the column it is given to', () => {
    const list = assignField(['first_name', 'last_name', 'phones'], 1, 'first_name');
    expect(list).toEqual(['ignore', 'first_name', 'phones']);
  });

  it('lets several columns feed phones, tags and notes', () => {
    const list = assignField(['first_name', 'phones', 'ignore'], 2, 'phones');
    expect(list).toEqual(['first_name', 'phones', 'phones']);
  });

  it('checks that something names the client', () => {
    expect(checkMapping(['phones', 'email']).missingName).toBe(true);
    expect(checkMapping(['full_name']).missingName).toBe(false);
    expect(checkMapping(['last_name', 'phones']).missingName).toBe(false);
    expect(checkMapping(['full_name', 'first_name']).nameConflict).toBe(true);
    expect(checkMapping(['ignore', 'ignore']).empty).toBe(true);
  });

  it('knows the format of a chosen file', () => {
    expect(importFormatOf({ name: 'Clients.CSV' })).toBe('csv');
    expect(importFormatOf({ name: 'база.xlsx' })).toBe('xlsx');
    expect(importFormatOf({ name: 'export', type: 'text/csv' })).toBe('csv');
    expect(importFormatOf({ name: 'old.xls' })).toBeNull();
  });
});

describe('CSV of rejected rows', () => {
  it('quotes cells and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+380671234567')).toBe("'+380671234567");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(toCsv([['a', 'b'], ['1', '2']])).toBe('\ufeffa,b\r\n1,2\r\n');
  });

  it('lists row, reasons and the row cells when known', () => {
    const csv = rejectedRowsCsv(
      [
        { row: 3, errors: [{ field: 'phones', code: 'invalid_phone', message: 'bad phone' }] },
        { row: 9, errors: [{ field: 'first_name', code: 'required' }, { field: 'email', code: 'invalid_email' }] },
      ],
      { row: 'Row', errors: 'Reason', columns: ['Name', 'Phone'] },
      (e) => `${e.field}: ${e.message ?? e.code}`,
      (row) => (row === 3 ? ['Olena', '12'] : undefined),
    );
    expect(csv.split('\r\n')).toEqual([
      '\ufeffRow,Reason,Name,Phone',
      '3,phones: bad phone,Olena,12',
      '9,"first_name: required; email: invalid_email",,',
      '',
    ]);
  });

  it('reads CSV with quotes, semicolons and CRLF', () => {
    expect(parseCsv('\ufeffName;Phone\r\n"Kovalenko; Olena";"067 ""1"""\r\nIra;050\r\n')).toEqual([
      ['Name', 'Phone'],
      ['Kovalenko; Olena', '067 "1"'],
      ['Ira', '050'],
    ]);
    expect(parseCsv('a,b\n"multi\nline",2')).toEqual([
      ['a', 'b'],
      ['multi\nline', '2'],
    ]);
  });
});
