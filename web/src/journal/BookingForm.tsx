import { Alert, Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { fieldErrorText } from '../app/problems';
import type { Service } from '../services/types';
import type { Staff } from '../staff/types';
import { createAppointment, useInvalidateBooking } from './api';
import { BookingItems } from './BookingItems';
import {
  bookingBody,
  bookingErrorPath,
  idempotencyKeys,
  initialBooking,
  validateBooking,
  type BookingValues,
  type Prefill,
} from './bookingForm';
import { ClientField } from './ClientField';
import { RecurrenceFields } from './RecurrenceFields';
import type { Appointment, AppointmentInput, JournalStaff } from './types';

interface Props {
  prefill: Prefill;
  timeZone: string;
  branchId: number;
  services: readonly Service[];
  staff: readonly Staff[];
  masters: readonly JournalStaff[];
  currency: string;
  step: number;
  onDone: (appointment: Appointment) => void;
  onCancel: () => void;
}

/** A new appointment: client, services, time, notes and an optional repeat. */
export function BookingForm(props: Props) {
  const { t } = useTranslation();
  const invalidate = useInvalidateBooking();
  // One key per body for this dialog: a retried request never books twice.
  const [keyFor] = useState(idempotencyKeys);
  const [outside, setOutside] = useState(false);
  const [other, setOther] = useState<string[]>([]);
  const form = useForm<BookingValues>({
    initialValues: initialBooking(props.prefill, props.timeZone, props.services),
    validate: (values) =>
      Object.fromEntries(
        Object.entries(validateBooking(values)).map(([k, code]) => [k, fieldErrorText(t, { field: k, code })]),
      ),
  });

  const mutation = useMutation({
    mutationFn: (body: AppointmentInput) => createAppointment(body, keyFor(body)),
    onSuccess: (appointment) => {
      invalidate();
      const n = appointment.series?.length ?? 0;
      notifications.show({
        color: 'teal',
        message: n > 1 ? t('journal.booking.bookedSeries', { n }) : t('journal.booking.booked'),
      });
      props.onDone(appointment);
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'outside-working-hours') {
        setOutside(true);
        return;
      }
      const lines: string[] = [];
      const fields: Record<string, string> = {};
      if (isApiError(error)) {
        for (const fe of error.fieldErrors) {
          const path = bookingErrorPath(fe.field);
          if (path) fields[path] ??= fieldErrorText(t, fe);
          else lines.push(`${fe.field}: ${fieldErrorText(t, fe)}`);
        }
      }
      form.setErrors(fields);
      setOther(lines);
    },
  });

  const send = (values: BookingValues, allowOutside = false) => {
    setOutside(false);
    setOther([]);
    const body = bookingBody(values, props.branchId, props.timeZone);
    mutation.mutate(allowOutside ? { ...body, allow_outside_hours: true } : body);
  };

  return (
    <form onSubmit={form.onSubmit((values) => send(values))} noValidate>
      <Stack gap="sm">
        <ClientField
          value={form.values.client_id}
          onChange={(id) => form.setFieldValue('client_id', id)}
          error={form.errors.client_id as string | undefined}
        />
        <Group gap="xs" grow>
          <TextInput type="date" label={t('journal.booking.date')} max="9999-12-31" {...form.getInputProps('date')} data-testid="booking-date" />
          <TextInput type="time" label={t('journal.booking.time')} step={props.step * 60} {...form.getInputProps('time')} data-testid="booking-time" />
        </Group>
        <BookingItems form={form} services={props.services} staff={props.staff} masters={props.masters} currency={props.currency} />
        <Textarea label={t('journal.booking.notes')} autosize minRows={2} {...form.getInputProps('notes')} data-testid="booking-notes" />
        <RecurrenceFields form={form} />
        {outside ? (
          <Alert color="orange" variant="light" title={t('journal.outside.title')} data-testid="booking-outside-hours">
            {t('journal.outside.text')}
            <Group mt="xs" gap="xs">
              <Button size="xs" color="orange" onClick={() => send(form.values, true)} loading={mutation.isPending} data-testid="booking-force">
                {t('journal.outside.confirm')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setOutside(false)}>
                {t('journal.outside.change')}
              </Button>
            </Group>
          </Alert>
        ) : (
          mutation.error && <ProblemAlert error={mutation.error} extra={other} testId="booking-error" />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} data-testid="booking-submit">
            {t('journal.booking.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
