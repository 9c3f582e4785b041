import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconChevronLeft, IconChevronRight, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { problemText, splitFieldErrors } from '../app/problems';
import { createAbsence, deleteAbsence, listAbsences, staffKeys } from './api';
import { addDays, addMonths, daysBetween, gridRange, monthGrid, monthOf, monthTitle, shortDate, type MonthCell } from './dates';
import { MonthGrid } from './MonthGrid';
import { isIsoDate } from './pattern';
import { absencesByDate } from './ScheduleTab';
import { ABSENCE_REASONS, REASON_COLORS, type Absence, type AbsenceReason, type Staff } from './types';
import { todayIn } from './zoned';

interface Props {
  staff: Staff;
  timeZone: string;
  canEdit: boolean;
}

/** Vacations, sick leaves and other absences: a month calendar and a list. */
export function AbsencesTab({ staff, timeZone, canEdit }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const today = todayIn(timeZone);
  const [month, setMonth] = useState(monthOf(today));
  const [adding, setAdding] = useState<{ from: string; to: string } | null>(null);
  const weeks = useMemo(() => monthGrid(month), [month]);
  const grid = gridRange(weeks);
  // The list: a year back and a year ahead.
  const listFrom = addDays(today, -365);
  const listTo = addDays(today, 365);

  const list = useQuery({
    queryKey: staffKeys.absences(staff.id, listFrom, listTo),
    queryFn: ({ signal }) => listAbsences(staff.id, listFrom, listTo, signal),
  });
  const inGrid = useQuery({
    queryKey: staffKeys.absences(staff.id, grid.from, grid.to),
    queryFn: ({ signal }) => listAbsences(staff.id, grid.from, grid.to, signal),
  });
  const byDate = useMemo(() => absencesByDate(inGrid.data ?? [], weeks.flat()), [inGrid.data, weeks]);

  const remove = useMutation({
    mutationFn: (a: Absence) => deleteAbsence(staff.id, a.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: staffKeys.allAbsences(staff.id) });
      void queryClient.invalidateQueries({ queryKey: ['staff', 'work-intervals', staff.id] });
      notifications.show({ color: 'teal', message: t('staff.absences.deleted') });
    },
    onError: (error) => {
      const { title, detail } = problemText(t, error);
      notifications.show({ color: 'red', title, message: detail ?? '' });
    },
  });

  const items = [...(list.data ?? [])].sort((a, b) => (a.from < b.from ? 1 : -1));

  const look = (cell: MonthCell) => {
    const a = byDate.get(cell.date);
    if (!a) return {};
    const color = REASON_COLORS[a.reason];
    return {
      data: { state: 'absence', reason: a.reason },
      background: `var(--mantine-color-${color}-1)`,
      title: `${t(`staff.absences.reasons.${a.reason}`)}${a.note ? ` · ${a.note}` : ''}`,
      content: (
        <Text fz={{ base: 9, xs: 10 }} lh={1.1} fw={600} c={`${color}.9`} mt={2} truncate="end">
          {t(`staff.absences.reasons.${a.reason}`)}
        </Text>
      ),
    };
  };

  return (
    <Grid gutter="md" data-testid="absences-tab">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Card p={{ base: 6, xs: 'sm', sm: 'md' }}>
          <Group justify="space-between" mb="sm" wrap="nowrap">
            <ActionIcon variant="default" size="lg" onClick={() => setMonth((m) => addMonths(m, -1))} aria-label={t('staff.schedule.prevMonth')}>
              <IconChevronLeft size={18} />
            </ActionIcon>
            <Text fw={700}>{monthTitle(month, i18n.language)}</Text>
            <ActionIcon variant="default" size="lg" onClick={() => setMonth((m) => addMonths(m, 1))} aria-label={t('staff.schedule.nextMonth')}>
              <IconChevronRight size={18} />
            </ActionIcon>
          </Group>
          <MonthGrid
            weeks={weeks}
            today={today}
            testId="absences-month"
            dayTestId={(date) => `absences-day-${date}`}
            look={look}
            onPick={canEdit ? (date) => setAdding({ from: date, to: date }) : undefined}
          />
          <Group gap="sm" mt="sm" wrap="wrap">
            {ABSENCE_REASONS.map((r) => (
              <Badge key={r} variant="light" color={REASON_COLORS[r]} tt="none" size="sm">
                {t(`staff.absences.reasons.${r}`)}
              </Badge>
            ))}
          </Group>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Card p={{ base: 'sm', sm: 'md' }}>
          <Group justify="space-between" mb="sm">
            <Text fw={700}>{t('staff.absences.title')}</Text>
            {canEdit && (
              <Button
                size="compact-sm"
                leftSection={<IconPlus size={14} />}
                onClick={() => setAdding({ from: today, to: today })}
                data-testid="absence-new"
              >
                {t('staff.absences.add')}
              </Button>
            )}
          </Group>
          {list.error && <ProblemAlert error={list.error} />}
          {list.isPending && <Skeleton h={60} />}
          {!list.isPending && items.length === 0 && (
            <Text size="sm" c="dimmed" data-testid="absences-empty">
              {t('staff.absences.empty')}
            </Text>
          )}
          <Stack gap={6}>
            {items.map((a) => (
              <Group
                key={a.id}
                justify="space-between"
                wrap="nowrap"
                gap="xs"
                p={8}
                style={{ borderRadius: 8, borderLeft: `4px solid var(--mantine-color-${REASON_COLORS[a.reason]}-6)`, background: 'var(--mantine-color-gray-0)' }}
                data-testid={`absence-row-${a.id}`}
              >
                <Stack gap={0} miw={0}>
                  <Group gap={6} wrap="wrap">
                    <Badge variant="light" color={REASON_COLORS[a.reason]} tt="none" size="sm">
                      {t(`staff.absences.reasons.${a.reason}`)}
                    </Badge>
                    <Text size="sm" fw={500}>
                      {a.from === a.to
                        ? shortDate(a.from, i18n.language, true)
                        : `${shortDate(a.from, i18n.language)} – ${shortDate(a.to, i18n.language, true)}`}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('staff.schedule.daysCount', { n: daysBetween(a.from, a.to) + 1 })}
                    </Text>
                  </Group>
                  {a.note && (
                    <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
                      {a.note}
                    </Text>
                  )}
                </Stack>
                {canEdit && (
                  <Tooltip label={t('common.delete')}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      loading={remove.isPending && remove.variables?.id === a.id}
                      onClick={() => remove.mutate(a)}
                      aria-label={t('common.delete')}
                      data-testid={`absence-delete-${a.id}`}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            ))}
          </Stack>
        </Card>
      </Grid.Col>
      {adding && <AbsenceModal staffId={staff.id} initial={adding} onClose={() => setAdding(null)} />}
    </Grid>
  );
}

function AbsenceModal({ staffId, initial, onClose }: { staffId: number; initial: { from: string; to: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { from: initial.from, to: initial.to, reason: 'vacation' as AbsenceReason, note: '' },
    validate: {
      from: (v) => (isIsoDate(v) ? null : t('errors.field.invalid_date')),
      to: (v, values) =>
        !isIsoDate(v) ? t('errors.field.invalid_date') : v < values.from ? t('staff.absences.toBeforeFrom') : null,
    },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      createAbsence(staffId, { from: v.from, to: v.to, reason: v.reason, ...(v.note.trim() ? { note: v.note.trim() } : {}) }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: staffKeys.allAbsences(staffId) });
      void queryClient.invalidateQueries({ queryKey: ['staff', 'work-intervals', staffId] });
      notifications.show({ color: 'teal', message: t('staff.absences.added') });
      onClose();
    },
    onError: (error) => form.setErrors(splitFieldErrors(t, error, ['from', 'to', 'reason', 'note']).fields),
  });
  const { other } = splitFieldErrors(t, save.error, ['from', 'to', 'reason', 'note']);
  return (
    <Modal opened onClose={onClose} title={t('staff.absences.add')} centered radius="lg">
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack>
          {save.error && <ProblemAlert error={save.error} extra={other} />}
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              type="date"
              label={t('staff.absences.from')}
              max="9999-12-31"
              data-testid="absence-from"
              {...form.getInputProps('from')}
              onChange={(e) => {
                const v = e.currentTarget.value;
                form.setFieldValue('from', v);
                if (isIsoDate(v) && form.values.to < v) form.setFieldValue('to', v);
              }}
            />
            <TextInput type="date" label={t('staff.absences.to')} max="9999-12-31" data-testid="absence-to" {...form.getInputProps('to')} />
          </SimpleGrid>
          <NativeSelect
            label={t('staff.absences.reason')}
            data={ABSENCE_REASONS.map((r) => ({ value: r, label: t(`staff.absences.reasons.${r}`) }))}
            data-testid="absence-reason"
            {...form.getInputProps('reason')}
          />
          <Textarea
            label={t('staff.absences.note')}
            autosize
            minRows={2}
            maxRows={4}
            data-testid="absence-note"
            {...form.getInputProps('note')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="absence-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
