import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetApiClient } from '../app/api';
import i18n from '../i18n';
import { json, mockFetch, problem } from '../test/fetchMock';
import { renderApp } from '../test/render';
import { rowLookup } from './ImportResultView';
import { sessionFor } from './testFixtures';

beforeEach(async () => {
  resetApiClient();
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

const preview = {
  import_id: 'imp-1',
  columns: ["Ім'я", 'Мобільний', 'Email', 'Коментар'],
  rows: [
    ['Олена', '067 123 45 67', 'olena@example.com', 'VIP'],
    ['Ірина', '12', '', ''],
  ],
  total_rows: 2,
  mapping: { '0': 'first_name', '1': 'ignore', '2': 'email', '3': 'notes' },
};

const result = {
  created: 1,
  updated: 0,
  skipped: 0,
  rejected: [{ row: 3, errors: [{ field: 'phones', code: 'invalid_phone', message: 'phone 12 is not valid' }] }],
};

function pickOption(testId: string, label: string) {
  fireEvent.click(screen.getByTestId(testId));
  const listbox = screen.getByRole('listbox');
  fireEvent.click(within(listbox).getByRole('option', { name: label }));
}

describe('import wizard', () => {
  it('previews a CSV, changes the mapping, runs and shows the result', async () => {
    const { calls } = mockFetch((call) => {
      const path = call.url.split('?')[0];
      if (path === '/api/v1/me') return json(sessionFor('admin'));
      if (path === '/api/v1/clients/import/preview') return json(preview);
      if (path === '/api/v1/clients/import/imp-1/run') return json(result);
      return json({ items: [], next_cursor: null });
    });
    renderApp('/clients/import');

    const file = new File(["Ім'я,Мобільний,Email,Коментар\nОлена,067 123 45 67,olena@example.com,VIP\nІрина,12,,\n"], 'clients.csv', {
      type: 'text/csv',
    });
    fireEvent.change(await screen.findByTestId('import-file'), { target: { files: [file] } });

    // Step 2: the first rows with a field picker above each column.
    const table = await screen.findByTestId('import-preview-table');
    const upload = calls.find((c) => c.url.startsWith('/api/v1/clients/import/preview'))!;
    expect(upload.url).toBe('/api/v1/clients/import/preview?format=csv');
    expect(upload.method).toBe('POST');
    expect(upload.headers['content-type']).toBe('text/csv');
    expect(upload.headers['x-csrf-token']).toBe('tok-1');
    expect(upload.body).toBe(file);
    expect(within(table).getByText('067 123 45 67')).toBeInTheDocument();
    expect(screen.getByTestId('import-mapping-0')).toHaveValue('First name');
    expect(screen.getByTestId('import-mapping-1')).toHaveValue('— Skip column —');

    pickOption('import-mapping-1', 'Phone');
    expect(screen.getByTestId('import-mapping-1')).toHaveValue('Phone');
    // Giving "First name" to another column takes it from the first one.
    pickOption('import-mapping-3', 'First name');
    expect(screen.getByTestId('import-mapping-0')).toHaveValue('— Skip column —');
    pickOption('import-mapping-3', 'Notes');
    expect(screen.getByTestId('import-missing-name')).toBeInTheDocument();
    expect(screen.getByTestId('import-run')).toBeDisabled();
    pickOption('import-mapping-0', 'First name');
    fireEvent.click(screen.getByTestId('import-duplicate-update'));

    fireEvent.click(screen.getByTestId('import-run'));
    expect(await screen.findByTestId('import-result-created')).toHaveTextContent('1');
    const run = calls.find((c) => c.url === '/api/v1/clients/import/imp-1/run')!;
    expect(run.body).toEqual({
      mapping: { '0': 'first_name', '1': 'phones', '2': 'email', '3': 'notes' },
      on_duplicate: 'update',
      dry_run: false,
    });
    expect(screen.getByTestId('import-result-updated')).toHaveTextContent('0');
    expect(screen.getByTestId('import-result-skipped')).toHaveTextContent('0');
    const rejected = screen.getByTestId('import-rejected-table');
    expect(within(rejected).getByText('3')).toBeInTheDocument();
    expect(within(rejected).getByTestId('import-rejected-3')).toHaveTextContent('Phone: phone 12 is not valid');
    expect(screen.getByTestId('import-rejected-download')).toBeInTheDocument();
  });

  it('refuses other files and shows a server error of the preview', async () => {
    mockFetch((call) => {
      if (call.url === '/api/v1/me') return json(sessionFor('owner'));
      return problem({ status: 400, code: 'bad-request', title: 'Bad request', detail: 'The file is not a spreadsheet' });
    });
    renderApp('/clients/import');
    const input = await screen.findByTestId('import-file');
    fireEvent.change(input, { target: { files: [new File(['x'], 'old.xls')] } });
    expect(await screen.findByTestId('import-file-error')).toHaveTextContent('Choose a .csv or .xlsx file.');

    const xlsx = new File(['PK'], 'base.xlsx');
    fireEvent.change(input, { target: { files: [xlsx] } });
    expect(await screen.findByTestId('import-preview-error')).toHaveTextContent('The file is not a spreadsheet');
  });

  it('sends xlsx with its content type', async () => {
    const { calls } = mockFetch((call) =>
      call.url === '/api/v1/me' ? json(sessionFor('owner')) : json({ ...preview, mapping: {} }),
    );
    renderApp('/clients/import');
    fireEvent.change(await screen.findByTestId('import-file'), { target: { files: [new File(['PK'], 'b.xlsx')] } });
    await screen.findByTestId('import-preview-table');
    const upload = calls.find((c) => c.url.includes('/import/preview'))!;
    expect(upload.url).toBe('/api/v1/clients/import/preview?format=xlsx');
    expect(upload.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it('sends masters back to the list', async () => {
    mockFetch((call) => (call.url === '/api/v1/me' ? json(sessionFor('master')) : json({ items: [], next_cursor: null })));
    const { router } = renderApp('/clients/import');
    await waitFor(() => expect(router.state.location.pathname).toBe('/clients'));
  });

  it('finds rejected rows in the file by their spreadsheet row number', () => {
    const find = rowLookup([['h1'], ['r2'], ['r3']]);
    expect(find(3)).toEqual(['r3']);
    expect(find(9)).toBeUndefined();
    expect(rowLookup(null)(2)).toBeUndefined();
  });
});
