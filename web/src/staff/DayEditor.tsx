import { ActionIcon, Box, Button, Checkbox, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCoffee, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DAY, formatTime, parseTime, toMinutes, type DayDraft, type DayErrors } from './time';

interface Props {
  label?: string;
  day: DayDraft;
  onChange: (day: DayDraft) => void;
  errors?: DayErrors;
  /** A server error about the whole day. */
  error?: string;
  /** Prefix of the data-testids: `${prefix}-start`, `${prefix}-end`, `${prefix}-off`. */
  testPrefix: string;
  /** Whether the day can be marked as a day off. */
  withOff?: boolean;
  readOnly?: boolean;
}

/** One day's hours (from–to, past midnight allowed) and its breaks. */
export function DayEditor({ label, day, onChange, errors = {}, error, testPrefix, withOff = true, readOnly = false }: Props) {
  const { t } = useTranslation();
  const err = (code: string | undefined) => (code ? t(`staff.schedule.errors.${code}`) : undefined);
  const set = (patch: Partial<DayDraft>) => onChange({ ...day, ...patch });
  const shown = (time: string) => (time === '24:00' ? '00:00' : time);
  const overnight = !day.off && day.end !== '' && day.start !== '' && day.end <= day.start;

  return (
    <Stack gap={4} data-testid={testPrefix}>
      <Group gap="xs" wrap="wrap" align="center">
        {(label || withOff) && (
          <Group gap="xs" wrap="nowrap" justify="space-between" w={{ base: '100%', xs: 'auto' }}>
            {label && (
              <Text size="sm" fw={600} w={{ base: 'auto', xs: 110 }} tt="capitalize">
                {label}
              </Text>
            )}
            {withOff && (
              <Checkbox
                label={t('staff.schedule.dayOff')}
                checked={day.off}
                disabled={readOnly}
                onChange={(e) => set({ off: e.currentTarget.checked })}
                data-testid={`${testPrefix}-off`}
                w={{ base: 'auto', xs: 110 }}
              />
            )}
          </Group>
        )}
        {!day.off && (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <TextInput
              type="time"
              size="sm"
              w={132}
              value={shown(day.start)}
              readOnly={readOnly}
              onChange={(e) => set({ start: e.currentTarget.value })}
              error={err(errors.start)}
              aria-label={t('staff.schedule.from')}
              data-testid={`${testPrefix}-start`}
            />
            <Text pt={6}>–</Text>
            <TextInput
              type="time"
              size="sm"
              w={132}
              value={shown(day.end)}
              readOnly={readOnly}
              onChange={(e) => set({ end: e.currentTarget.value })}
              error={err(errors.end)}
              aria-label={t('staff.schedule.to')}
              data-testid={`${testPrefix}-end`}
            />
          </Group>
        )}
        {!day.off && !readOnly && (
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconCoffee size={14} />}
            onClick={() => set({ breaks: [...day.breaks, suggestBreak(day)] })}
            data-testid={`${testPrefix}-add-break`}
          >
            {t('staff.schedule.addBreak')}
          </Button>
        )}
        {overnight && (
          <Text size="xs" c="indigo">
            {t('staff.schedule.overnight')}
          </Text>
        )}
      </Group>
      {!day.off &&
        day.breaks.map((b, i) => (
          <Group key={i} gap={6} wrap="nowrap" align="flex-start" pl={{ base: 0, xs: label ? 120 : 0 }}>
            <Text size="sm" c="dimmed" pt={6} w={70} visibleFrom="xs">
              {t('staff.schedule.break')}
            </Text>
            <Box hiddenFrom="xs" pt={6} c="dimmed" title={t('staff.schedule.break')}>
              <IconCoffee size={16} />
            </Box>
            <TextInput
              type="time"
              size="xs"
              w={{ base: 112, xs: 124 }}
              value={b.start}
              readOnly={readOnly}
              onChange={(e) => set({ breaks: day.breaks.map((x, j) => (j === i ? { ...x, start: e.currentTarget.value } : x)) })}
              error={err(errors.breaks?.[i])}
              aria-label={t('staff.schedule.breakFrom')}
              data-testid={`${testPrefix}-break-${i}-start`}
            />
            <Text pt={4}>–</Text>
            <TextInput
              type="time"
              size="xs"
              w={{ base: 112, xs: 124 }}
              value={b.end}
              readOnly={readOnly}
              onChange={(e) => set({ breaks: day.breaks.map((x, j) => (j === i ? { ...x, end: e.currentTarget.value } : x)) })}
              aria-label={t('staff.schedule.breakTo')}
              data-testid={`${testPrefix}-break-${i}-end`}
            />
            {!readOnly && (
              <Tooltip label={t('staff.schedule.removeBreak')}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mt={2}
                  onClick={() => set({ breaks: day.breaks.filter((_, j) => j !== i) })}
                  aria-label={t('staff.schedule.removeBreak')}
                  data-testid={`${testPrefix}-break-${i}-remove`}
                >
                  <IconX size={14} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        ))}
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}

/** A one-hour break in the middle of what is left of the day (13:00–14:00 for 09:00–18:00). */
function suggestBreak(day: DayDraft): { start: string; end: string } {
  const hours = toMinutes({ start: day.start, end: day.end });
  if (!hours) return { start: '13:00', end: '14:00' };
  const last = day.breaks[day.breaks.length - 1];
  let from = hours.start;
  const lastEnd = last ? parseTime(last.end) : null;
  if (lastEnd !== null) from = lastEnd < hours.start ? lastEnd + DAY : lastEnd;
  const mid = Math.round((from + hours.end) / 2 / 30) * 30;
  return { start: formatTime(mid), end: formatTime(mid + 60) };
}
