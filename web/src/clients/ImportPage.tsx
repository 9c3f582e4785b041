import { Alert, Button, Card, Group, Radio, Select, Stack, Stepper, Table, Text, ThemeIcon } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowLeft, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { PageHeader } from '../app/PageHeader';
import { ProblemAlert } from '../app/ProblemAlert';
import { useAuthedSession } from '../identity/session';
import { clientKeys, previewImport, runImport } from './api';
import {
  assignField,
  checkMapping,
  importFormatOf,
  listToMapping,
  mappingToList,
  parseCsv,
} from './importMapping';
import { ImportResultView } from './ImportResultView';
import { canEditClients } from './permissions';
import { IMPORT_FIELDS, type ImportField, type ImportPreview, type ImportResult, type OnDuplicate } from './types';

const MAX_IMPORT_SIZE = 50 * 1024 * 1024;

export function ImportPage() {
  const session = useAuthedSession();
  if (!canEditClients(session.role)) return <Navigate to="/clients" replace />;
  return <ImportWizard />;
}

function ImportWizard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const input = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportField[]>([]);
  const [onDuplicate, setOnDuplicate] = useState<OnDuplicate>('skip');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [csvRows, setCsvRows] = useState<string[][] | null>(null);

  const previewMutation = useMutation({
    mutationFn: ({ f, format }: { f: File; format: 'csv' | 'xlsx' }) => previewImport(f, format),
    onSuccess: (p) => {
      setPreview(p);
      setMapping(mappingToList(p.mapping, p.columns.length));
      setStep(1);
    },
  });
  const runMutation = useMutation({
    mutationFn: () => runImport(preview!.import_id, listToMapping(mapping), onDuplicate),
    onSuccess: (r) => {
      setResult(r);
      setStep(3);
      void queryClient.invalidateQueries({ queryKey: clientKeys.all });
      void queryClient.invalidateQueries({ queryKey: clientKeys.tags });
    },
  });

  const choose = (f: File | undefined) => {
    if (!f) return;
    setFileError(null);
    previewMutation.reset();
    const format = importFormatOf(f);
    if (!format) return setFileError(t('clients.import.badType'));
    if (f.size > MAX_IMPORT_SIZE) return setFileError(t('clients.import.tooBig'));
    setFile(f);
    setCsvRows(null);
    if (format === 'csv' && typeof f.text === 'function') {
      // Kept to put the rejected rows' own cells in their CSV.
      f.text()
        .then((text) => setCsvRows(parseCsv(text)))
        .catch(() => setCsvRows(null));
    }
    previewMutation.mutate({ f, format });
  };

  const restart = () => {
    setStep(0);
    setFile(null);
    setPreview(null);
    setResult(null);
    setMapping([]);
    previewMutation.reset();
    runMutation.reset();
  };

  const check = checkMapping(mapping);
  const fieldOptions = IMPORT_FIELDS.map((f) => ({ value: f, label: t(`clients.import.fields.${f}`) }));

  const mappingSelect = (i: number, col: string) => (
    <Select
      size="xs"
      data={fieldOptions}
      value={mapping[i] ?? 'ignore'}
      onChange={(v) => v && setMapping((m) => assignField(m, i, v as ImportField))}
      allowDeselect={false}
      aria-label={t('clients.import.mapColumn', { column: col })}
      comboboxProps={{ withinPortal: true }}
      styles={mapping[i] === 'ignore' ? { input: { color: 'var(--mantine-color-dimmed)' } } : undefined}
      data-testid={`import-mapping-${i}`}
    />
  );

  return (
    <>
      <PageHeader
        title={t('clients.import.title')}
        subtitle={t('clients.import.subtitle')}
        actions={
          <Button component={Link} to="/clients" variant="subtle" leftSection={<IconArrowLeft size={16} />}>
            {t('clients.card.back')}
          </Button>
        }
      />
      <Stepper
        active={step}
        size="sm"
        iconSize={isPhone ? 28 : undefined}
        allowNextStepsSelect={false}
        onStepClick={(s) => s < step && step < 3 && setStep(s)}
        data-testid="import-stepper"
      >
        <Stepper.Step label={t('clients.import.step1')} description={isPhone ? undefined : t('clients.import.step1Hint')}>
          <Card p="xl" mt="md">
            <Stack align="center" gap="md" ta="center">
              <ThemeIcon size={64} radius={32} variant="light">
                <IconFileSpreadsheet size={32} stroke={1.5} />
              </ThemeIcon>
              <Text maw={520}>{t('clients.import.chooseText')}</Text>
              <input
                ref={input}
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                hidden
                onChange={(e) => {
                  choose(e.currentTarget.files?.[0]);
                  e.currentTarget.value = '';
                }}
                data-testid="import-file"
              />
              <Button
                size="md"
                leftSection={<IconUpload size={18} />}
                loading={previewMutation.isPending}
                onClick={() => input.current?.click()}
                data-testid="import-choose"
              >
                {t('clients.import.choose')}
              </Button>
              {file && (
                <Text size="sm" c="dimmed" data-testid="import-file-name">
                  {file.name}
                </Text>
              )}
              <Text size="xs" c="dimmed" maw={520}>
                {t('clients.import.chooseHint')}
              </Text>
              {fileError && (
                <Alert color="red" variant="light" data-testid="import-file-error">
                  {fileError}
                </Alert>
              )}
              {previewMutation.error && <ProblemAlert error={previewMutation.error} testId="import-preview-error" />}
            </Stack>
          </Card>
        </Stepper.Step>

        <Stepper.Step label={t('clients.import.step2')} description={isPhone ? undefined : t('clients.import.step2Hint')}>
          {preview && (
            <Stack gap="md" mt="md">
              <Text size="sm" c="dimmed" data-testid="import-total">
                {t('clients.import.totalRows', { total: preview.total_rows, shown: preview.rows.length })}
              </Text>
              {isPhone ? (
                <Stack gap="xs" data-testid="import-preview-table">
                  {preview.columns.map((col, i) => (
                    <Card key={i} p="sm" opacity={mapping[i] === 'ignore' ? 0.7 : 1}>
                      <Text size="sm" fw={600} truncate="end" title={col}>
                        {col}
                      </Text>
                      <Text size="xs" c="dimmed" lineClamp={2} mb={6}>
                        {preview.rows
                          .slice(0, 3)
                          .map((row) => row[i] ?? '')
                          .filter(Boolean)
                          .join(' · ') || '—'}
                      </Text>
                      {mappingSelect(i, col)}
                    </Card>
                  ))}
                </Stack>
              ) : (
                <Card p={0}>
                  <Table.ScrollContainer minWidth={Math.max(480, preview.columns.length * 170)}>
                    <Table striped withColumnBorders verticalSpacing="xs" data-testid="import-preview-table">
                      <Table.Thead>
                        <Table.Tr>
                          {preview.columns.map((col, i) => (
                            <Table.Th key={i} miw={160} style={{ verticalAlign: 'top' }}>
                              <Stack gap={4}>
                                {mappingSelect(i, col)}
                                <Text size="xs" c="dimmed" fw={600} truncate="end" title={col}>
                                  {col}
                                </Text>
                              </Stack>
                            </Table.Th>
                          ))}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {preview.rows.map((row, r) => (
                          <Table.Tr key={r}>
                            {preview.columns.map((_, i) => (
                              <Table.Td key={i} opacity={mapping[i] === 'ignore' ? 0.45 : 1}>
                                <Text size="sm" lineClamp={2}>
                                  {row[i] ?? ''}
                                </Text>
                              </Table.Td>
                            ))}
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                </Card>
              )}

              {check.missingName && (
                <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="import-missing-name">
                  {t('clients.import.missingName')}
                </Alert>
              )}
              {check.nameConflict && (
                <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />}>
                  {t('clients.import.nameConflict')}
                </Alert>
              )}

              <Radio.Group
                label={t('clients.import.duplicates')}
                description={t('clients.import.duplicatesHint')}
                value={onDuplicate}
                onChange={(v) => setOnDuplicate(v as OnDuplicate)}
              >
                <Group mt="xs" gap="lg">
                  <Radio value="skip" label={t('clients.import.skip')} data-testid="import-duplicate-skip" />
                  <Radio value="update" label={t('clients.import.update')} data-testid="import-duplicate-update" />
                </Group>
              </Radio.Group>

              {runMutation.error && <ProblemAlert error={runMutation.error} testId="import-run-error" />}
              <Group justify="space-between">
                <Button variant="default" onClick={restart}>
                  {t('clients.import.otherFile')}
                </Button>
                <Button
                  onClick={() => runMutation.mutate()}
                  loading={runMutation.isPending}
                  disabled={check.missingName}
                  data-testid="import-run"
                >
                  {t('clients.import.run', { total: preview.total_rows })}
                </Button>
              </Group>
            </Stack>
          )}
        </Stepper.Step>

        <Stepper.Step label={t('clients.import.step3')} description={isPhone ? undefined : t('clients.import.step3Hint')} />
        <Stepper.Completed>
          {result && preview && (
            <ImportResultView result={result} preview={preview} csvRows={csvRows} onRestart={restart} />
          )}
        </Stepper.Completed>
      </Stepper>
    </>
  );
}
