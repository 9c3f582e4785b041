import { Button, Group, MultiSelect, NativeSelect, Paper, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { fieldErrorText } from '../app/problems';
import { ClientPicker } from '../clients/ClientPicker';
import type { Service } from '../services/types';
import { createWaitlistEntry, useInvalidateBooking } from './api';
import type { JournalStaff, WaitlistInput } from './types';

interface Props {
  branchId: number;
  masters: readonly JournalStaff[];
  services: readonly Service[];
  onDone: () => void;
}

/** A client waiting for a time: services, optionally a master, dates and hours. */
export function WaitlistForm({ branchId, masters, services, onDone }: Props) {
  const { t } = useTranslation();
  const invalidate = useInvalidateBooking();
  const [clientId, setClientId] = useState<number | null>(null);
  const [serviceIds, setServiceIds] = useState<string[]>([]);
  const [staffId, setStaffId] = useState('');
  const [dateFrom, setDateFrom] = useState('');
  const [dateTo, setDateTo] = useState('');
  const [timeFrom, setTimeFrom] = useState('');
  const [timeTo, setTimeTo] = useState('');
  const [notes, setNotes] = useState('');
  const [tried, setTried] = useState(false);
  const mutation = useMutation({
    mutationFn: (body: WaitlistInput) => createWaitlistEntry(body),
    onSuccess: () => {
      invalidate();
      notifications.show({ color: 'teal', message: t('journal.waitlist.added') });
      onDone();
    },
  });
  const fe = isApiError(mutation.error) ? mutation.error.fieldErrorMap() : {};
  const err = (field: string) => (fe[field] ? fieldErrorText(t, fe[field]) : undefined);
  const required = (ok: boolean) => (tried && !ok ? t('errors.field.required') : undefined);
  const submit = () => {
    setTried(true);
    if (clientId === null || serviceIds.length === 0 || !dateFrom) return;
    const body: WaitlistInput = {
      branch_id: branchId,
      client_id: clientId,
      service_ids: serviceIds.map(Number),
      date_from: dateFrom,
      date_to: dateTo || dateFrom,
    };
    if (staffId) body.staff_id = Number(staffId);
    if (timeFrom) body.time_from = timeFrom;
    if (timeTo) body.time_to = timeTo;
    if (notes.trim()) body.notes = notes.trim();
    mutation.mutate(body);
  };
  return (
    <Paper withBorder p="sm" radius="md" data-testid="waitlist-form">
      <Stack gap="xs">
        <ClientPicker label={t('journal.booking.client')} value={clientId} onChange={(id) => setClientId(id)} error={required(clientId !== null) ?? err('client_id')} data-testid="waitlist-client" />
        <MultiSelect
          label={t('journal.waitlist.services')}
          data={services.filter((s) => !s.archived && !s.group).map((s) => ({ value: String(s.id), label: s.name }))}
          value={serviceIds}
          onChange={setServiceIds}
          searchable
          error={required(serviceIds.length > 0) ?? err('service_ids')}
          comboboxProps={{ withinPortal: true }}
          data-testid="waitlist-services"
        />
        <NativeSelect
          label={t('journal.master')}
          value={staffId}
          onChange={(e) => setStaffId(e.currentTarget.value)}
          data={[{ value: '', label: t('journal.waitlist.anyMaster') }, ...masters.map((m) => ({ value: String(m.id), label: m.name }))]}
          data-testid="waitlist-master"
        />
        <Group grow gap="xs">
          <TextInput type="date" label={t('journal.waitlist.dateFrom')} value={dateFrom} onChange={(e) => setDateFrom(e.currentTarget.value)} error={required(!!dateFrom) ?? err('date_from')} data-testid="waitlist-date-from" />
          <TextInput type="date" label={t('journal.waitlist.dateTo')} value={dateTo} onChange={(e) => setDateTo(e.currentTarget.value)} error={err('date_to')} data-testid="waitlist-date-to" />
        </Group>
        <Group grow gap="xs">
          <TextInput type="time" label={t('journal.waitlist.timeFrom')} value={timeFrom} onChange={(e) => setTimeFrom(e.currentTarget.value)} error={err('time_from')} />
          <TextInput type="time" label={t('journal.waitlist.timeTo')} value={timeTo} onChange={(e) => setTimeTo(e.currentTarget.value)} error={err('time_to')} />
        </Group>
        <Textarea label={t('journal.booking.notes')} autosize minRows={1} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
        {mutation.error && <ProblemAlert error={mutation.error} />}
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button size="xs" onClick={submit} loading={mutation.isPending} data-testid="waitlist-submit">
            {t('journal.waitlist.add')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
