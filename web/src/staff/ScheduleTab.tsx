import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Card,
  CloseButton,
  Grid,
  Group,
  ScrollArea,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronLeft, IconChevronRight, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { problemText } from '../app/problems';
import { getClosedDays, getSchedule, getWorkIntervals, listAbsences, putSchedule, staffKeys } from './api';
import { addMonths, gridRange, monthGrid, monthOf, monthTitle, shortDate, weekdayNames, type MonthCell } from './dates';
import { DayEditor } from './DayEditor';
import { MonthGrid, type DayLook } from './MonthGrid';
import { clearExceptions, paintExceptions, selectDay, selectedDates, type DaySelection } from './paint';
import { defaultPatternDraft, draftFromPattern, withoutPattern, type PatternDraft } from './pattern';
import { PatternEditor } from './PatternEditor';
import { patternOn, patternSummary } from './patternText';
import { hasDayErrors, intervalsFromDraft, intervalsText, intervalText, workDay, type DayDraft, type DayErrors } from './time';
import { REASON_COLORS, type Absence, type Schedule, type Staff } from './types';
import { intervalsByDate, todayIn } from './zoned';

interface Props {
  staff: Staff;
  timeZone: string;
  canEdit: boolean;
}

/** Absences by date for the days of a grid. */
export function absencesByDate(absences: readonly Absence[], cells: readonly MonthCell[]): Map<string, Absence> {
  const out = new Map<string, Absence>();
  for (const c of cells) {
    const a = absences.find((x) => x.from <= c.date && c.date <= x.to);
    if (a) out.set(c.date, a);
  }
  return out;
}

export function ScheduleTab({ staff, timeZone, canEdit }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const today = todayIn(timeZone);
  const [month, setMonth] = useState(monthOf(today));
  const weeks = useMemo(() => monthGrid(month), [month]);
  const { from, to } = gridRange(weeks);
  const id = staff.id;

  const schedule = useQuery({ queryKey: staffKeys.schedule(id), queryFn: ({ signal }) => getSchedule(id, signal) });
  const work = useQuery({
    queryKey: staffKeys.workIntervals(id, from, to),
    queryFn: ({ signal }) => getWorkIntervals(id, from, to, signal),
  });
  const absences = useQuery({
    queryKey: staffKeys.absences(id, from, to),
    queryFn: ({ signal }) => listAbsences(id, from, to, signal),
  });
  const closed = useQuery({
    queryKey: staffKeys.closedDays(staff.branch_id),
    queryFn: ({ signal }) => getClosedDays(staff.branch_id, signal),
  });

  const zone = work.data?.timezone || timeZone;
  const byDate = useMemo(() => intervalsByDate(work.data?.intervals ?? [], zone), [work.data, zone]);
  const absenceOf = useMemo(() => absencesByDate(absences.data ?? [], weeks.flat()), [absences.data, weeks]);
  const closedOf = useMemo(() => new Map((closed.data ?? []).map((d) => [d.date, d.reason])), [closed.data]);
  const exceptionDates = useMemo(
    () => new Set((schedule.data?.exceptions ?? []).map((e) => e.date)),
    [schedule.data],
  );

  const [selection, setSelection] = useState<DaySelection | null>(null);
  const [editor, setEditor] = useState<{ index: number | null; draft: PatternDraft; version: number } | null>(null);
  const [editorVersion, setEditorVersion] = useState(0);

  const put = useMutation({
    mutationFn: (body: Schedule) => putSchedule(id, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(staffKeys.schedule(id), saved);
      void queryClient.invalidateQueries({ queryKey: ['staff', 'work-intervals', id] });
    },
    onError: (error) => {
      const { title, detail } = problemText(t, error);
      notifications.show({ color: 'red', title, message: detail ?? '' });
    },
  });

  const look = (cell: MonthCell): DayLook => {
    const intervals = byDate.get(cell.date) ?? [];
    const absence = absenceOf.get(cell.date);
    const closedReason = closedOf.get(cell.date);
    const content = (
      <Stack gap={1} mt={2}>
        {intervals.map((iv) => (
          <Text key={iv.start} fz={{ base: 9, xs: 11 }} lh={1.15} fw={500} c="dark.6" style={{ wordBreak: 'normal' }}>
            {intervalText(iv)}
          </Text>
        ))}
        {absence && (
          <Text fz={{ base: 9, xs: 10 }} lh={1.1} fw={600} c={`${REASON_COLORS[absence.reason]}.8`} truncate="end">
            {t(`staff.absences.reasons.${absence.reason}`)}
          </Text>
        )}
        {!absence && closedReason !== undefined && (
          <Text fz={{ base: 9, xs: 10 }} lh={1.1} c="dimmed" truncate="end">
            {t('staff.schedule.closed')}
          </Text>
        )}
        {!absence && closedReason === undefined && intervals.length === 0 && cell.inMonth && !work.isPending && (
          <Text fz={{ base: 9, xs: 10 }} lh={1.1} c="dimmed" visibleFrom="xs">
            {t('staff.schedule.off')}
          </Text>
        )}
      </Stack>
    );
    return {
      content,
      data: {
        state: absence ? 'absence' : closedReason !== undefined ? 'closed' : intervals.length ? 'work' : 'off',
        reason: absence?.reason,
        exception: exceptionDates.has(cell.date) ? 'true' : undefined,
      },
      muted: intervals.length === 0,
      background: absence ? `var(--mantine-color-${REASON_COLORS[absence.reason]}-0)` : undefined,
      marker: exceptionDates.has(cell.date) ? 'var(--mantine-color-violet-6)' : undefined,
      title: [
        intervals.length ? intervalsText(intervals) : t('staff.schedule.off'),
        absence ? t(`staff.absences.reasons.${absence.reason}`) : '',
        closedReason !== undefined ? `${t('staff.schedule.closed')}${closedReason ? `: ${closedReason}` : ''}` : '',
        exceptionDates.has(cell.date) ? t('staff.schedule.exceptionMark') : '',
      ]
        .filter(Boolean)
        .join(' · '),
    };
  };

  if (schedule.error) return <ProblemAlert error={schedule.error} />;
  const current = schedule.data;
  const days = weekdayNames(i18n.language, 'short');
  const inEffect = current ? patternOn(current.patterns, today) : -1;
  const newDraft = (): PatternDraft => {
    const base = current && inEffect >= 0 ? draftFromPattern(current.patterns[inEffect]) : defaultPatternDraft(today);
    return { ...base, valid_from: today, valid_until: '' };
  };

  return (
    <Stack gap="md" data-testid="schedule-tab">
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: canEdit ? 8 : 12 }}>
          <Card p={{ base: 6, xs: 'sm', sm: 'md' }}>
            <Group justify="space-between" mb="sm" wrap="nowrap" gap={4}>
              <ActionIcon
                variant="default"
                size="lg"
                onClick={() => setMonth((m) => addMonths(m, -1))}
                aria-label={t('staff.schedule.prevMonth')}
                data-testid="schedule-prev"
              >
                <IconChevronLeft size={18} />
              </ActionIcon>
              <Stack gap={0} align="center">
                <Text fw={700} data-testid="schedule-month-title">
                  {monthTitle(month, i18n.language)}
                </Text>
                {month !== monthOf(today) && (
                  <Button variant="subtle" size="compact-xs" onClick={() => setMonth(monthOf(today))}>
                    {t('staff.schedule.today')}
                  </Button>
                )}
              </Stack>
              <ActionIcon
                variant="default"
                size="lg"
                onClick={() => setMonth((m) => addMonths(m, 1))}
                aria-label={t('staff.schedule.nextMonth')}
                data-testid="schedule-next"
              >
                <IconChevronRight size={18} />
              </ActionIcon>
            </Group>
            {work.error && <ProblemAlert error={work.error} />}
            <MonthGrid
              weeks={weeks}
              today={today}
              testId="schedule-month"
              dayTestId={(date) => `schedule-day-${date}`}
              look={look}
              selection={canEdit ? selection : null}
              onPick={canEdit ? (date, extend) => setSelection((s) => selectDay(s, date, extend)) : undefined}
            />
            <Group gap="md" mt="sm" wrap="wrap">
              <Legend color="var(--mantine-color-white)" border label={t('staff.schedule.legendWork')} />
              <Legend color="var(--mantine-color-gray-1)" border label={t('staff.schedule.legendOff')} />
              <Legend color="var(--mantine-color-teal-0)" border label={t('staff.schedule.legendAbsence')} />
              <Legend color="var(--mantine-color-violet-6)" dot label={t('staff.schedule.legendException')} />
              <Text size="xs" c="dimmed">
                {t('staff.schedule.zone', { zone })}
              </Text>
            </Group>
          </Card>
        </Grid.Col>
        {canEdit && (
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="md">
              <PaintPanel
                selection={selection}
                pending={put.isPending}
                onClear={() => setSelection(null)}
                onApply={(intervals) => {
                  if (!current) return;
                  const dates = selectedDates(selection);
                  put.mutate(intervals === null ? clearExceptions(current, dates) : paintExceptions(current, dates, intervals), {
                    onSuccess: () => {
                      notifications.show({
                        color: 'teal',
                        message: t(intervals === null ? 'staff.schedule.paintCleared' : 'staff.schedule.painted', { n: dates.length }),
                      });
                      setSelection(null);
                    },
                  });
                }}
              />
              <ExceptionsCard
                schedule={current}
                pending={put.isPending}
                onDelete={(date) => current && put.mutate(clearExceptions(current, [date]))}
              />
            </Stack>
          </Grid.Col>
        )}
      </Grid>

      <Card p={{ base: 'sm', sm: 'md' }} data-testid="patterns-card">
        <Group justify="space-between" mb="xs">
          <Text fw={700}>{t('staff.schedule.patterns')}</Text>
          {canEdit && (
            <Button
              variant="light"
              size="compact-sm"
              leftSection={<IconPlus size={14} />}
              onClick={() => {
                setEditor({ index: null, draft: newDraft(), version: editorVersion + 1 });
                setEditorVersion((v) => v + 1);
              }}
              data-testid="pattern-new"
            >
              {t('staff.schedule.newPattern')}
            </Button>
          )}
        </Group>
        {!current ? (
          <Skeleton h={40} />
        ) : current.patterns.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="patterns-empty">
            {t('staff.schedule.noPatterns')}
          </Text>
        ) : (
          <Stack gap={6}>
            {current.patterns.map((p, i) => (
              <Group
                key={`${p.valid_from}-${i}`}
                justify="space-between"
                wrap="nowrap"
                gap="xs"
                p={8}
                style={{
                  borderRadius: 8,
                  border: `1px solid var(--mantine-color-${i === inEffect ? 'kvitka-3' : 'gray-3'})`,
                  background: editor?.index === i ? 'var(--mantine-color-kvitka-0)' : undefined,
                }}
                data-testid={`pattern-row-${i}`}
              >
                <Box miw={0}>
                  <Group gap={6} wrap="wrap">
                    <Text size="sm" fw={600}>
                      {t(`staff.schedule.kinds.${p.kind}`)}
                    </Text>
                    {i === inEffect && (
                      <Badge size="xs" variant="light">
                        {t('staff.schedule.inEffect')}
                      </Badge>
                    )}
                    <Text size="xs" c="dimmed">
                      {p.valid_until
                        ? t('staff.schedule.fromTo', {
                            from: shortDate(p.valid_from, i18n.language, true),
                            to: shortDate(p.valid_until, i18n.language, true),
                          })
                        : t('staff.schedule.fromOn', { from: shortDate(p.valid_from, i18n.language, true) })}
                    </Text>
                  </Group>
                  <Text size="sm" c="dimmed" style={{ wordBreak: 'break-word' }}>
                    {patternSummary(t, p, days)}
                  </Text>
                </Box>
                {canEdit && (
                  <Group gap={2} wrap="nowrap">
                    <Tooltip label={t('staff.schedule.editPattern')}>
                      <ActionIcon
                        variant="subtle"
                        onClick={() => {
                          setEditor({ index: i, draft: draftFromPattern(p), version: editorVersion + 1 });
                          setEditorVersion((v) => v + 1);
                        }}
                        aria-label={t('staff.schedule.editPattern')}
                        data-testid={`pattern-edit-${i}`}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('staff.schedule.deletePattern')}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        loading={put.isPending}
                        onClick={() =>
                          put.mutate(withoutPattern(current, i), {
                            onSuccess: () => {
                              notifications.show({ color: 'teal', message: t('staff.schedule.patternDeleted') });
                              if (editor?.index === i) setEditor(null);
                            },
                          })
                        }
                        aria-label={t('staff.schedule.deletePattern')}
                        data-testid={`pattern-delete-${i}`}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Card>

      {canEdit && current && (
        <PatternEditor
          key={editor?.version ?? `default-${editorVersion}`}
          staffId={id}
          schedule={current}
          editIndex={editor?.index ?? null}
          initial={editor?.draft ?? newDraft()}
          onDone={() => {
            setEditor(null);
            setEditorVersion((v) => v + 1);
          }}
        />
      )}
    </Stack>
  );
}

function Legend({ color, label, border, dot }: { color: string; label: string; border?: boolean; dot?: boolean }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Box
        w={dot ? 8 : 14}
        h={dot ? 8 : 14}
        style={{
          borderRadius: dot ? 4 : 4,
          background: color,
          border: border ? '1px solid var(--mantine-color-gray-4)' : undefined,
        }}
      />
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}

interface PaintProps {
  selection: DaySelection | null;
  pending: boolean;
  onClear: () => void;
  /** Intervals to paint ([] = day off), or null to go back to the pattern. */
  onApply: (intervals: { start: string; end: string }[] | null) => void;
}

function PaintPanel({ selection, pending, onClear, onApply }: PaintProps) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<'hours' | 'off'>('hours');
  const [day, setDay] = useState<DayDraft>(workDay());
  const [errors, setErrors] = useState<DayErrors>({});
  const count = selectedDates(selection).length;

  const apply = () => {
    if (mode === 'off') return onApply([]);
    const r = intervalsFromDraft(day);
    setErrors(r.errors);
    if (!hasDayErrors(r.errors)) onApply(r.intervals);
  };

  return (
    <Card p={{ base: 'sm', sm: 'md' }} data-testid="schedule-paint">
      <Stack gap="sm">
        <Text fw={700}>{t('staff.schedule.paint')}</Text>
        {!selection ? (
          <Text size="sm" c="dimmed">
            {t('staff.schedule.paintHint')}
          </Text>
        ) : (
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" fw={500} data-testid="schedule-selection">
              {selection.start === selection.end
                ? shortDate(selection.start, i18n.language, true)
                : `${shortDate(selection.start, i18n.language)} – ${shortDate(selection.end, i18n.language, true)}`}
              {count > 1 && (
                <Text span size="sm" c="dimmed">
                  {' '}
                  ({t('staff.schedule.daysCount', { n: count })})
                </Text>
              )}
            </Text>
            <Tooltip label={t('staff.schedule.unselect')}>
              <CloseButton onClick={onClear} aria-label={t('staff.schedule.unselect')} data-testid="schedule-selection-clear" />
            </Tooltip>
          </Group>
        )}
        <SegmentedControl
          fullWidth
          value={mode}
          onChange={(v) => setMode(v as 'hours' | 'off')}
          data={[
            { value: 'hours', label: <span data-testid="paint-mode-hours">{t('staff.schedule.paintHours')}</span> },
            { value: 'off', label: <span data-testid="paint-mode-off">{t('staff.schedule.dayOff')}</span> },
          ]}
          data-testid="paint-mode"
        />
        {mode === 'hours' && (
          <DayEditor day={day} onChange={setDay} errors={errors} testPrefix="paint-day" withOff={false} />
        )}
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Button
            variant="subtle"
            color="gray"
            size="compact-sm"
            disabled={!selection}
            loading={pending}
            onClick={() => onApply(null)}
            data-testid="schedule-paint-clear"
          >
            {t('staff.schedule.paintReset')}
          </Button>
          <Button disabled={!selection} loading={pending} onClick={apply} data-testid="schedule-paint-apply">
            {t('staff.schedule.paintApply')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function ExceptionsCard({
  schedule,
  pending,
  onDelete,
}: {
  schedule: Schedule | undefined;
  pending: boolean;
  onDelete: (date: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const list = [...(schedule?.exceptions ?? [])].sort((a, b) => (a.date < b.date ? -1 : 1));
  return (
    <Card p={{ base: 'sm', sm: 'md' }} data-testid="exceptions-card">
      <Text fw={700} mb="xs">
        {t('staff.schedule.exceptions')}
      </Text>
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('staff.schedule.noExceptions')}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={260} type="auto">
          <Stack gap={4}>
            {list.map((e) => (
              <Group key={e.date} justify="space-between" wrap="nowrap" gap="xs" data-testid={`exception-${e.date}`}>
                <Box miw={0}>
                  <Text size="sm" fw={500}>
                    {shortDate(e.date, i18n.language, true)}
                  </Text>
                  <Text size="xs" c={e.intervals.length ? undefined : 'dimmed'}>
                    {e.intervals.length ? intervalsText(e.intervals) : t('staff.schedule.dayOff')}
                  </Text>
                </Box>
                <Tooltip label={t('staff.schedule.deleteException')}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    disabled={pending}
                    onClick={() => onDelete(e.date)}
                    aria-label={t('staff.schedule.deleteException')}
                    data-testid={`exception-delete-${e.date}`}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Card>
  );
}
