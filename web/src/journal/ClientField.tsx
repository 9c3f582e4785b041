import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { clientKeys, createClient, getClient } from '../clients/api';
import { ClientPicker } from '../clients/ClientPicker';
import { formErrors } from '../clients/clientForm';
import { existingClientOf } from '../clients/http';
import { formatPhone } from '../clients/phoneList';
import { TagBadges } from '../clients/TagChips';

interface Props {
  value: number | null;
  onChange: (id: number | null) => void;
  error?: string;
}

/** The client of a booking: found by phone digits or name letters, or created on the spot. */
export function ClientField({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap={6}>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <ClientPicker
          label={t('journal.booking.client')}
          value={value}
          onChange={(id) => onChange(id)}
          error={error}
          style={{ flex: 1 }}
          data-testid="booking-client-search"
        />
        <Button
          variant="light"
          leftSection={<IconUserPlus size={16} />}
          onClick={() => setCreating((c) => !c)}
          data-testid="booking-new-client"
        >
          {t('journal.booking.newClient')}
        </Button>
      </Group>
      {creating && (
        <QuickClient
          onCreated={(id) => {
            setCreating(false);
            onChange(id);
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      {value !== null && !creating && <ClientSummary id={value} />}
    </Stack>
  );
}

function ClientSummary({ id }: { id: number }) {
  const { t } = useTranslation();
  const client = useQuery({ queryKey: clientKeys.detail(id), queryFn: ({ signal }) => getClient(id, signal) });
  const c = client.data;
  if (!c) return null;
  const phone = c.phones?.[0];
  return (
    <Group gap="xs" wrap="wrap" data-testid="booking-client-summary">
      {phone && (
        <Text size="xs" c="dimmed">
          {formatPhone(phone)}
        </Text>
      )}
      <TagBadges tags={c.tags ?? []} size="xs" />
      {c.discount_percent > 0 && (
        <Text size="xs" c="teal.7" fw={600}>
          {t('journal.panel.discount', { percent: c.discount_percent })}
        </Text>
      )}
      {c.notes && (
        <Text size="xs" c="dimmed" lineClamp={1}>
          {c.notes}
        </Text>
      )}
    </Group>
  );
}

function QuickClient({ onCreated, onCancel }: { onCreated: (id: number) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [first, setFirst] = useState('');
  const [last, setLast] = useState('');
  const [phone, setPhone] = useState('');
  const [missing, setMissing] = useState(false);
  const mutation = useMutation({
    mutationFn: () =>
      createClient({
        first_name: first.trim(),
        ...(last.trim() ? { last_name: last.trim() } : {}),
        ...(phone.trim() ? { phones: [phone.trim()] } : {}),
      }),
    onSuccess: (client) => {
      queryClient.setQueryData(clientKeys.detail(client.id), client);
      void queryClient.invalidateQueries({ queryKey: clientKeys.all, refetchType: 'none' });
      onCreated(client.id);
    },
  });
  const existing = existingClientOf(mutation.error);
  const { fields, other } = formErrors(t, mutation.error, [phone]);
  const create = () => {
    setMissing(!first.trim());
    if (first.trim()) mutation.mutate();
  };
  return (
    <Paper withBorder p="sm" radius="md" data-testid="booking-quick-client">
      <Stack gap="xs">
        {existing ? (
          <Alert color="orange" variant="light" data-testid="booking-phone-taken">
            <Group justify="space-between" gap="xs">
              <Text size="sm">{t('journal.booking.phoneTaken', { name: existing.display_name })}</Text>
              <Button size="xs" variant="light" color="orange" onClick={() => onCreated(existing.id)} data-testid="booking-use-existing">
                {t('journal.booking.useExisting')}
              </Button>
            </Group>
          </Alert>
        ) : (
          mutation.error && <ProblemAlert error={mutation.error} extra={other} />
        )}
        <Group grow gap="xs" align="flex-start">
          <TextInput
            label={t('clients.fields.firstName')}
            value={first}
            onChange={(e) => setFirst(e.currentTarget.value)}
            error={missing ? t('errors.field.required') : fields.first_name}
            required
            data-testid="booking-client-first-name"
          />
          <TextInput
            label={t('clients.fields.lastName')}
            value={last}
            onChange={(e) => setLast(e.currentTarget.value)}
            error={fields.last_name}
            data-testid="booking-client-last-name"
          />
        </Group>
        <TextInput
          label={t('clients.fields.phone')}
          type="tel"
          value={phone}
          onChange={(e) => setPhone(e.currentTarget.value)}
          error={fields['phones.0']}
          data-testid="booking-client-phone"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button size="xs" onClick={create} loading={mutation.isPending} data-testid="booking-client-create">
            {t('journal.booking.createClient')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
