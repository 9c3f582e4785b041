import { ActionIcon, Button, Card, Group, NativeSelect, SimpleGrid, Skeleton, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { useAuthedSession } from '../identity/session';
import { canEditCatalog } from '../services/permissions';
import { getClosedDays, putClosedDays, staffKeys } from './api';
import { addDays } from './dates';
import { isIsoDate } from './pattern';
import type { ClosedDay } from './types';
import { todayIn } from './zoned';

/** The closed-days list as it is saved: valid dates only, one per date, in date order. */
export function cleanClosedDays(days: readonly ClosedDay[]): ClosedDay[] {
  const byDate = new Map<string, ClosedDay>();
  for (const d of days) if (isIsoDate(d.date)) byDate.set(d.date, { date: d.date, reason: d.reason.trim() });
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Settings > Closed days: dates the whole branch does not work (holidays, renovation). */
export function ClosedDaysTab() {
  const { t } = useTranslation();
  const session = useAuthedSession();
  const queryClient = useQueryClient();
  const canEdit = canEditCatalog(session.role);
  const [branchId, setBranchId] = useState<number>(session.branches[0]?.id ?? 0);
  const branch = session.branches.find((b) => b.id === branchId);
  const today = todayIn(branch?.timezone || 'Europe/Kyiv');
  const days = useQuery({ queryKey: staffKeys.closedDays(branchId), queryFn: ({ signal }) => getClosedDays(branchId, signal) });
  const [rows, setRows] = useState<ClosedDay[]>([]);
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    if (days.data) {
      setRows(cleanClosedDays(days.data));
      setDirty(false);
    }
  }, [days.data]);

  const save = useMutation({
    mutationFn: (list: ClosedDay[]) => putClosedDays(branchId, list),
    onSuccess: (saved) => {
      queryClient.setQueryData(staffKeys.closedDays(branchId), saved);
      void queryClient.invalidateQueries({ queryKey: ['staff', 'work-intervals'] });
      notifications.show({ color: 'teal', message: t('closedDays.saved') });
    },
  });

  const change = (next: ClosedDay[]) => {
    setRows(next);
    setDirty(true);
  };
  const invalid = rows.map((r) => !isIsoDate(r.date));
  const duplicates = rows.map((r, i) => rows.findIndex((x) => x.date === r.date) !== i);

  return (
    <Stack gap="md" maw={720} data-testid="closed-days-tab">
      <Text size="sm" c="dimmed">
        {t('closedDays.intro')}
      </Text>
      {session.branches.length > 1 && (
        <NativeSelect
          w={280}
          data={session.branches.map((b) => ({ value: String(b.id), label: b.name }))}
          value={String(branchId)}
          onChange={(e) => setBranchId(Number(e.currentTarget.value))}
          aria-label={t('rooms.branch')}
          data-testid="closed-days-branch"
        />
      )}
      {days.error && <ProblemAlert error={days.error} />}
      {save.error && <ProblemAlert error={save.error} />}
      <Card p={{ base: 'sm', sm: 'md' }}>
        {days.isPending ? (
          <Skeleton h={80} />
        ) : (
          <Stack gap="xs">
            {rows.length === 0 && (
              <Text size="sm" c="dimmed" data-testid="closed-days-empty">
                {t('closedDays.empty')}
              </Text>
            )}
            {rows.map((r, i) => (
              <Group
                key={i}
                gap="xs"
                wrap="nowrap"
                align="flex-start"
                data-testid={`closed-day-${i}`}
                opacity={r.date && r.date < today ? 0.6 : 1}
              >
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" style={{ flex: 1 }}>
                  <TextInput
                    type="date"
                    value={r.date}
                    max="9999-12-31"
                    readOnly={!canEdit}
                    onChange={(e) => change(rows.map((x, j) => (j === i ? { ...x, date: e.currentTarget.value } : x)))}
                    error={invalid[i] ? t('errors.field.invalid_date') : duplicates[i] ? t('closedDays.duplicate') : undefined}
                    aria-label={t('closedDays.date')}
                    data-testid={`closed-day-${i}-date`}
                  />
                  <TextInput
                    value={r.reason}
                    placeholder={t('closedDays.reasonPlaceholder')}
                    readOnly={!canEdit}
                    maxLength={200}
                    onChange={(e) => change(rows.map((x, j) => (j === i ? { ...x, reason: e.currentTarget.value } : x)))}
                    aria-label={t('closedDays.reason')}
                    data-testid={`closed-day-${i}-reason`}
                  />
                </SimpleGrid>
                {canEdit && (
                  <Tooltip label={t('common.delete')}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      mt={4}
                      onClick={() => change(rows.filter((_, j) => j !== i))}
                      aria-label={t('common.delete')}
                      data-testid={`closed-day-${i}-remove`}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            ))}
            {canEdit && (
              <Group justify="space-between" mt="xs" wrap="wrap" gap="xs">
                <Button
                  variant="subtle"
                  size="compact-sm"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => {
                    const last = rows.reduce((m, r) => (isIsoDate(r.date) && r.date > m ? r.date : m), addDays(today, -1));
                    change([...rows, { date: addDays(last, 1), reason: '' }]);
                  }}
                  data-testid="closed-day-add"
                >
                  {t('closedDays.add')}
                </Button>
                <Button
                  disabled={!dirty || invalid.some(Boolean) || duplicates.some(Boolean)}
                  loading={save.isPending}
                  onClick={() => save.mutate(cleanClosedDays(rows))}
                  data-testid="closed-days-save"
                >
                  {t('common.save')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}
