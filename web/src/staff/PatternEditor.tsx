import { Alert, Button, Card, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { fieldErrorText } from '../app/problems';
import { putSchedule, staffKeys } from './api';
import { weekdayNames } from './dates';
import { DayEditor } from './DayEditor';
import {
  buildScheduleBody,
  cycleShape,
  hasPatternErrors,
  onOffCycle,
  patternFieldOf,
  patternFromDraft,
  type PatternDraft,
  type PatternErrors,
} from './pattern';
import { workDay, type DayDraft } from './time';
import { PATTERN_KINDS, type PatternKind, type Schedule } from './types';

interface Props {
  staffId: number;
  schedule: Schedule;
  /** Index of the pattern being edited in `schedule.patterns`; null for a new one. */
  editIndex: number | null;
  initial: PatternDraft;
  onDone: () => void;
}

/** Edits one pattern (weekly, N-on-M-off cycle, even/odd dates, every day) and puts the schedule. */
export function PatternEditor({ staffId, schedule, editIndex, initial, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<PatternDraft>(initial);
  const [errors, setErrors] = useState<PatternErrors>({ days: {} });
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const days = weekdayNames(i18n.language, 'long');
  const shape = cycleShape(draft.cycle);

  const apply = useMutation({
    mutationFn: (body: Schedule) => putSchedule(staffId, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(staffKeys.schedule(staffId), saved);
      void queryClient.invalidateQueries({ queryKey: ['staff', 'work-intervals', staffId] });
      notifications.show({ color: 'teal', message: t('staff.schedule.applied') });
      onDone();
    },
  });

  const submit = () => {
    const { pattern, errors: found } = patternFromDraft(draft);
    setErrors(found);
    setServerErrors({});
    if (!pattern) return;
    const { body, index } = buildScheduleBody(schedule, pattern, editIndex);
    apply.mutate(body, {
      onError: (error) => {
        if (!isApiError(error)) return;
        const mapped: Record<string, string> = {};
        for (const fe of error.fieldErrors) {
          const key = patternFieldOf(fe.field, index);
          if (key && !(key in mapped)) mapped[key] = fieldErrorText(t, fe);
        }
        setServerErrors(mapped);
      },
    });
  };

  const set = (patch: Partial<PatternDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setDay = (list: 'weekdays' | 'cycle', i: number, day: DayDraft) =>
    setDraft((d) => ({ ...d, [list]: d[list].map((x, j) => (j === i ? day : x)) }));
  const regenerate = (on: number, off: number) => {
    const template = draft.cycle.find((d) => !d.off) ?? workDay('09:00', '21:00');
    set({ cycle: onOffCycle(Math.max(1, Math.min(on, 31)), Math.max(0, Math.min(off, 31)), template) });
  };
  const copyMonday = () => {
    const monday = draft.weekdays[0];
    set({
      weekdays: draft.weekdays.map((d, i) =>
        i === 0 || d.off ? d : { ...monday, off: false, breaks: monday.breaks.map((b) => ({ ...b })) },
      ),
    });
  };
  const dayError = (key: string) => serverErrors[key];
  const dateError = (code: string | undefined) => (code ? t(`staff.schedule.errors.${code}`) : undefined);
  const otherServer = Object.entries(serverErrors).filter(
    ([k]) => !k.startsWith('weekdays.') && !k.startsWith('cycle.') && k !== 'day' && k !== 'valid_from' && k !== 'valid_until',
  );

  return (
    <Card p={{ base: 'sm', sm: 'md' }} data-testid="pattern-editor">
      <Stack gap="md">
        <Text fw={700}>{editIndex === null ? t('staff.schedule.newPattern') : t('staff.schedule.editPattern')}</Text>
        {apply.error && <ProblemAlert error={apply.error} extra={otherServer.map(([k, v]) => `${k}: ${v}`)} />}
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <NativeSelect
            label={t('staff.schedule.kind')}
            data={PATTERN_KINDS.map((k) => ({ value: k, label: t(`staff.schedule.kinds.${k}`) }))}
            value={draft.kind}
            onChange={(e) => set({ kind: e.currentTarget.value as PatternKind })}
            data-testid="pattern-kind"
          />
          <TextInput
            type="date"
            label={t('staff.schedule.validFrom')}
            value={draft.valid_from}
            max="9999-12-31"
            onChange={(e) => set({ valid_from: e.currentTarget.value })}
            error={dateError(errors.valid_from) ?? serverErrors.valid_from}
            data-testid="pattern-valid-from"
          />
          <TextInput
            type="date"
            label={t('staff.schedule.validUntil')}
            placeholder={t('staff.schedule.noEnd')}
            value={draft.valid_until}
            max="9999-12-31"
            onChange={(e) => set({ valid_until: e.currentTarget.value })}
            error={dateError(errors.valid_until) ?? serverErrors.valid_until}
            data-testid="pattern-valid-until"
          />
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t(`staff.schedule.kindHints.${draft.kind}`)} {t('staff.schedule.noEndHint')}
        </Text>

        {draft.kind === 'weekly' && (
          <Stack gap="sm">
            {draft.weekdays.map((day, i) => (
              <DayEditor
                key={i}
                label={days[i]}
                day={day}
                onChange={(d) => setDay('weekdays', i, d)}
                errors={errors.days[`weekdays.${i}`]}
                error={dayError(`weekdays.${i}`)}
                testPrefix={`pattern-weekday-${i}`}
              />
            ))}
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconCopy size={14} />}
              w="fit-content"
              maw="100%"
              h="auto"
              py={4}
              styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
              onClick={copyMonday}
              data-testid="pattern-copy-monday"
            >
              {t('staff.schedule.copyMonday')}
            </Button>
          </Stack>
        )}

        {draft.kind === 'cycle' && (
          <Stack gap="sm">
            <Group gap="sm" align="flex-end" wrap="wrap">
              <NumberInput
                label={t('staff.schedule.cycleOn')}
                min={1}
                max={31}
                w={150}
                allowDecimal={false}
                value={shape?.on ?? draft.cycle.filter((d) => !d.off).length}
                onChange={(v) => typeof v === 'number' && regenerate(v, shape?.off ?? 0)}
                data-testid="pattern-cycle-on"
              />
              <NumberInput
                label={t('staff.schedule.cycleOff')}
                min={0}
                max={31}
                w={150}
                allowDecimal={false}
                value={shape?.off ?? draft.cycle.filter((d) => d.off).length}
                onChange={(v) => typeof v === 'number' && regenerate(shape?.on ?? 1, v)}
                data-testid="pattern-cycle-off"
              />
              <Text size="sm" c="dimmed" pb={8}>
                {t('staff.schedule.cycleLength', { n: draft.cycle.length })}
              </Text>
            </Group>
            {errors.cycle && (
              <Alert color="red" variant="light" p="xs">
                <Text size="sm">{t(`staff.schedule.errors.${errors.cycle}`)}</Text>
              </Alert>
            )}
            {draft.cycle.map((day, i) => (
              <DayEditor
                key={i}
                label={t('staff.schedule.cycleDay', { n: i + 1 })}
                day={day}
                onChange={(d) => setDay('cycle', i, d)}
                errors={errors.days[`cycle.${i}`]}
                error={dayError(`cycle.${i}`)}
                testPrefix={`pattern-cycle-${i}`}
              />
            ))}
          </Stack>
        )}

        {(draft.kind === 'even_dates' || draft.kind === 'odd_dates' || draft.kind === 'every_day') && (
          <DayEditor
            label={t('staff.schedule.hours')}
            day={draft.day}
            onChange={(d) => set({ day: d })}
            errors={errors.days.day}
            error={dayError('day')}
            testPrefix="pattern-day"
            withOff={false}
          />
        )}

        {hasPatternErrors(errors) && (
          <Text size="sm" c="red" data-testid="pattern-errors">
            {t('staff.schedule.fixErrors')}
          </Text>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button loading={apply.isPending} onClick={submit} data-testid="pattern-apply">
            {t('staff.schedule.apply')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
