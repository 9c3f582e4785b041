import { Button, Group, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import type { Service } from '../services/types';
import { instantToZoned, zonedToInstant } from '../staff/zoned';
import { createGroupEvent, useInvalidateBooking } from './api';
import type { Prefill } from './bookingForm';
import type { GroupEventInput } from './types';

interface Props {
  prefill: Prefill;
  timeZone: string;
  branchId: number;
  /** Group services the master performs. */
  services: readonly Service[];
  onDone: () => void;
  onCancel: () => void;
}

/** A new group class in the master's column (POST /group-events). */
export function GroupEventForm({ prefill, timeZone, branchId, services, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const invalidate = useInvalidateBooking();
  const [initialDate, initialTime] = instantToZoned(prefill.start, timeZone).split('T');
  const [serviceId, setServiceId] = useState<number | null>(services[0]?.id ?? null);
  const [date, setDate] = useState(initialDate);
  const [time, setTime] = useState(initialTime);
  const service = services.find((s) => s.id === serviceId);
  const [capacity, setCapacity] = useState<number>(service?.capacity ?? 2);
  const [notes, setNotes] = useState('');
  const [missing, setMissing] = useState(false);

  const mutation = useMutation({
    mutationFn: (body: GroupEventInput) => createGroupEvent(body),
    onSuccess: () => {
      invalidate();
      notifications.show({ color: 'teal', message: t('journal.group.created') });
      onDone();
    },
  });
  const submit = () => {
    const start = zonedToInstant(`${date}T${time}`, timeZone);
    setMissing(serviceId === null || !start);
    if (serviceId === null || !start) return;
    const body: GroupEventInput = { branch_id: branchId, service_id: serviceId, staff_id: prefill.staffId, start, capacity };
    if (notes.trim()) body.notes = notes.trim();
    mutation.mutate(body);
  };

  if (services.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="group-no-services">
        {t('journal.group.noServices')}
      </Text>
    );
  }
  return (
    <Stack gap="sm" data-testid="group-event-form">
      <Select
        label={t('journal.booking.service')}
        data={services.map((s) => ({ value: String(s.id), label: s.name }))}
        value={serviceId === null ? null : String(serviceId)}
        onChange={(v) => {
          const id = v ? Number(v) : null;
          setServiceId(id);
          const s = services.find((x) => x.id === id);
          if (s) setCapacity(s.capacity);
        }}
        error={missing && serviceId === null ? t('errors.field.required') : undefined}
        comboboxProps={{ withinPortal: true }}
        data-testid="group-service"
      />
      <Group gap="xs" grow>
        <TextInput type="date" label={t('journal.booking.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} data-testid="group-date" />
        <TextInput type="time" label={t('journal.booking.time')} value={time} onChange={(e) => setTime(e.currentTarget.value)} data-testid="group-time" />
        <NumberInput
          label={t('journal.group.capacity')}
          min={1}
          max={500}
          allowDecimal={false}
          value={capacity}
          onChange={(v) => setCapacity(Number(v) || 1)}
          data-testid="group-capacity"
        />
      </Group>
      <Textarea label={t('journal.booking.notes')} autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
      {mutation.error && <ProblemAlert error={mutation.error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button onClick={submit} loading={mutation.isPending} data-testid="group-submit">
          {t('journal.group.create')}
        </Button>
      </Group>
    </Stack>
  );
}
