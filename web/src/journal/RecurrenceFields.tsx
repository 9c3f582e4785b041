import { Checkbox, Group, NativeSelect, NumberInput, SegmentedControl, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { BookingValues } from './bookingForm';

/** "Repeat every N days/weeks, N times or until a date." */
export function RecurrenceFields({ form }: { form: UseFormReturnType<BookingValues> }) {
  const { t } = useTranslation();
  const v = form.values;
  return (
    <Stack gap="xs">
      <Checkbox label={t('journal.repeat.label')} {...form.getInputProps('repeat', { type: 'checkbox' })} data-testid="booking-repeat" />
      {v.repeat && (
        <Group gap="xs" align="flex-start" wrap="wrap" data-testid="booking-recurrence">
          <NumberInput
            label={t('journal.repeat.every')}
            min={1}
            max={52}
            allowDecimal={false}
            w={90}
            value={v.every}
            onChange={(n) => form.setFieldValue('every', Number(n) || 0)}
            error={form.errors.every}
            data-testid="booking-every"
          />
          <NativeSelect
            label={t('journal.repeat.unit')}
            data={[
              { value: 'day', label: t('journal.repeat.days') },
              { value: 'week', label: t('journal.repeat.weeks') },
            ]}
            {...form.getInputProps('unit')}
            data-testid="booking-unit"
          />
          <Stack gap={4}>
            <SegmentedControl
              size="xs"
              mt={22}
              data={[
                { value: 'count', label: t('journal.repeat.times') },
                { value: 'until', label: t('journal.repeat.until') },
              ]}
              {...form.getInputProps('ends')}
              data-testid="booking-ends"
            />
          </Stack>
          {v.ends === 'count' ? (
            <NumberInput
              label={t('journal.repeat.count')}
              min={2}
              max={52}
              allowDecimal={false}
              w={100}
              value={v.count}
              onChange={(n) => form.setFieldValue('count', Number(n) || 0)}
              error={form.errors.count}
              data-testid="booking-count"
            />
          ) : (
            <TextInput
              type="date"
              label={t('journal.repeat.untilDate')}
              max="9999-12-31"
              {...form.getInputProps('until')}
              data-testid="booking-until"
            />
          )}
        </Group>
      )}
    </Stack>
  );
}
