import { ActionIcon, Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserMinus } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { problemText } from '../app/problems';
import { ClientPicker } from '../clients/ClientPicker';
import { shortDate } from '../staff/dates';
import { dateInZone, timeInZone } from '../staff/zoned';
import { addParticipant, getGroupEvent, journalKeys, setStatus, useInvalidateBooking } from './api';
import { STATUS_COLORS } from './status';
import type { GroupEvent } from './types';

interface Props {
  event: GroupEvent | null;
  timeZone: string;
  canBook: boolean;
  onClose: () => void;
}

/** A group class: its participants, and a seat for one more client. */
export function GroupEventModal({ event, timeZone, canBook, onClose }: Props) {
  return (
    <Modal opened={event !== null} onClose={onClose} title={<Text fw={700}>{event?.service_name}</Text>} radius="lg" size="md">
      {event && <Body key={event.id} initial={event} timeZone={timeZone} canBook={canBook} />}
    </Modal>
  );
}

function Body({ initial, timeZone, canBook }: { initial: GroupEvent; timeZone: string; canBook: boolean }) {
  const { t, i18n } = useTranslation();
  const invalidate = useInvalidateBooking();
  const [clientId, setClientId] = useState<number | null>(null);
  const query = useQuery({
    queryKey: journalKeys.groupEvent(initial.id),
    queryFn: ({ signal }) => getGroupEvent(initial.id, signal),
    placeholderData: initial,
  });
  const e = query.data ?? initial;
  const add = useMutation({
    mutationFn: (id: number) => addParticipant(e.id, { client_id: id }),
    onSuccess: () => {
      setClientId(null);
      invalidate();
      notifications.show({ color: 'teal', message: t('journal.group.added') });
    },
  });
  const leave = useMutation({
    mutationFn: (appointmentId: number) => setStatus(appointmentId, { status: 'cancelled', cancelled_by: 'client' }),
    onSuccess: invalidate,
    onError: (error) => {
      const { title, detail } = problemText(t, error);
      notifications.show({ color: 'red', title, message: detail ?? title });
    },
  });
  const full = e.seats_taken >= e.capacity;
  const active = (e.participants ?? []).filter((p) => p.status !== 'cancelled');
  return (
    <Stack gap="sm" data-testid="group-event-panel">
      <Group justify="space-between">
        <Text size="sm">
          {shortDate(dateInZone(e.start, timeZone), i18n.language)}, {timeInZone(e.start, timeZone)}–{timeInZone(e.end, timeZone)}
        </Text>
        <Badge color={full ? 'red' : 'grape'} data-testid="group-seats">
          {t('journal.group.seats', { taken: e.seats_taken, capacity: e.capacity })}
        </Badge>
      </Group>
      {e.notes && (
        <Text size="sm" c="dimmed">
          {e.notes}
        </Text>
      )}
      <Stack gap={4} data-testid="group-participants">
        {active.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('journal.group.noParticipants')}
          </Text>
        )}
        {active.map((p) => (
          <Group key={p.appointment_id} justify="space-between" wrap="nowrap" data-testid={`group-participant-${p.client_id}`}>
            <Text size="sm">{p.name}</Text>
            <Group gap={4} wrap="nowrap">
              <Badge size="xs" variant="light" color={STATUS_COLORS[p.status]}>
                {t(`journal.status.${p.status}`)}
              </Badge>
              {canBook && (
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="red"
                  onClick={() => leave.mutate(p.appointment_id)}
                  aria-label={t('journal.group.remove')}
                  title={t('journal.group.remove')}
                >
                  <IconUserMinus size={14} />
                </ActionIcon>
              )}
            </Group>
          </Group>
        ))}
      </Stack>
      {canBook && e.status === 'scheduled' && (
        <Stack gap="xs">
          {add.error && <ProblemAlert error={add.error} />}
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <ClientPicker
              label={t('journal.group.addParticipant')}
              value={clientId}
              onChange={(id) => setClientId(id)}
              exclude={active.map((p) => p.client_id)}
              style={{ flex: 1 }}
              disabled={full}
              data-testid="group-client"
            />
            <Button onClick={() => clientId !== null && add.mutate(clientId)} disabled={clientId === null || full} loading={add.isPending} data-testid="group-add">
              {t('journal.group.add')}
            </Button>
          </Group>
          {full && (
            <Text size="xs" c="red">
              {t('errors.problem.group-full')}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
