import { Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconCheck, IconDownload } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { fieldErrorText } from '../app/problems';
import { saveBlob } from './http';
import { rejectedRowsCsv } from './importMapping';
import type { ImportPreview, ImportResult } from './types';

/**
 * The file's own rows by the number the server reports. Row numbers count
 * like a spreadsheet does: the header is row 1, the first client row 2.
 */
export function rowLookup(table: readonly (readonly string[])[] | null) {
  return (row: number) => table?.[row - 1];
}

interface Props {
  result: ImportResult;
  preview: ImportPreview;
  /** The chosen CSV file's own rows (to put rejected rows' cells in their CSV). */
  csvRows: string[][] | null;
  onRestart: () => void;
}

/** Step 3 of the import: counts, rejected rows and their CSV. */
export function ImportResultView({ result, preview, csvRows, onRestart }: Props) {
  const { t } = useTranslation();

  const downloadRejected = () => {
    const csv = rejectedRowsCsv(
      result.rejected,
      { row: t('clients.import.rejectedRow'), errors: t('clients.import.rejectedErrors'), columns: preview.columns },
      (e) => `${fieldLabel(t, e.field)}: ${e.message || fieldErrorText(t, e)}`,
      rowLookup(csvRows),
    );
    saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), 'rejected-rows.csv');
  };

  return (
    <Stack gap="md" mt="md" data-testid="import-result">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Stat label={t('clients.import.created')} value={result.created} color="teal" testId="import-result-created" />
        <Stat label={t('clients.import.updated')} value={result.updated} color="blue" testId="import-result-updated" />
        <Stat label={t('clients.import.skipped')} value={result.skipped} color="gray" testId="import-result-skipped" />
        <Stat
          label={t('clients.import.rejected')}
          value={result.rejected.length}
          color={result.rejected.length ? 'red' : 'gray'}
          testId="import-result-rejected"
        />
      </SimpleGrid>

      {result.rejected.length > 0 && (
        <Card p={0}>
          <Group justify="space-between" p="sm">
            <Text fw={600}>{t('clients.import.rejectedTitle')}</Text>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconDownload size={14} />}
              onClick={downloadRejected}
              data-testid="import-rejected-download"
            >
              {t('clients.import.downloadRejected')}
            </Button>
          </Group>
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing="xs" data-testid="import-rejected-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>{t('clients.import.rejectedRow')}</Table.Th>
                  <Table.Th>{t('clients.import.rejectedErrors')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.rejected.map((r) => (
                  <Table.Tr key={r.row} data-testid={`import-rejected-${r.row}`}>
                    <Table.Td>
                      <Badge variant="light" color="red">
                        {r.row}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {r.errors.map((e, i) => (
                          <Text key={i} size="sm">
                            <Text span fw={600}>
                              {fieldLabel(t, e.field)}
                            </Text>
                            {': '}
                            {e.message || fieldErrorText(t, e)}
                          </Text>
                        ))}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={onRestart} data-testid="import-again">
          {t('clients.import.again')}
        </Button>
        <Button component={Link} to="/clients" leftSection={<IconCheck size={16} />} data-testid="import-done">
          {t('clients.import.toList')}
        </Button>
      </Group>
    </Stack>
  );
}

function fieldLabel(t: TFunction, field: string): string {
  const base = field.replace(/\[\d+\]$/, '');
  return t(`clients.import.fields.${base}`, { defaultValue: field });
}

function Stat({ label, value, color, testId }: { label: string; value: number; color: string; testId: string }) {
  return (
    <Card p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} fz={28} c={value > 0 ? `${color}.7` : 'dimmed'} data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}
