import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../app/problems';
import type { Role } from '../identity/types';
import { journalKeys, setStatus, useInvalidateBooking } from './api';
import { statusChoices, STATUS_COLORS } from './status';
import type { Appointment, AppointmentStatus, CancelledBy, Scope, StatusInput } from './types';

interface Props {
  appointment: Appointment;
  role: Role;
}

/** Quick status changes; cancelling asks for the reason and who cancelled. */
export function StatusButtons({ appointment, role }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const invalidate = useInvalidateBooking();
  const [cancelOpen, setCancelOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: (body: StatusInput) => setStatus(appointment.id, body),
    onSuccess: (saved) => {
      if (saved?.id) queryClient.setQueryData(journalKeys.appointment(saved.id), saved);
      notifications.show({ color: 'teal', message: t('journal.statusSaved', { status: t(`journal.status.${saved?.status ?? 'booked'}`) }) });
      setCancelOpen(false);
      invalidate();
    },
    onError: (error) => {
      const { title, detail } = problemText(t, error);
      notifications.show({ color: 'red', title, message: detail ?? t('journal.statusFailed') });
    },
  });
  const choices = statusChoices(role, appointment.status);
  if (choices.length === 0) return null;
  const pick = (status: AppointmentStatus) => {
    if (status === 'cancelled') setCancelOpen(true);
    else mutation.mutate({ status });
  };
  return (
    <>
      <Group gap={6} wrap="wrap" data-testid="status-buttons">
        {choices.map((s) => (
          <Button
            key={s}
            size="xs"
            variant="light"
            color={STATUS_COLORS[s]}
            onClick={() => pick(s)}
            loading={mutation.isPending && mutation.variables?.status === s}
            data-testid={`status-button-${s}`}
          >
            {t(`journal.statusAction.${s}`)}
          </Button>
        ))}
      </Group>
      <CancelModal
        opened={cancelOpen}
        series={appointment.series_id !== null}
        pending={mutation.isPending}
        onClose={() => setCancelOpen(false)}
        onConfirm={(body) => mutation.mutate(body)}
      />
    </>
  );
}

interface CancelProps {
  opened: boolean;
  series: boolean;
  pending: boolean;
  onClose: () => void;
  onConfirm: (body: StatusInput) => void;
}

function CancelModal({ opened, series, pending, onClose, onConfirm }: CancelProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [by, setBy] = useState<CancelledBy>('client');
  const [scope, setScope] = useState<Scope>('this');
  return (
    <Modal opened={opened} onClose={onClose} title={t('journal.cancel.title')} centered radius="lg">
      <Stack gap="sm" data-testid="cancel-dialog">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('journal.cancel.who')}
          </Text>
          <SegmentedControl
            value={by}
            onChange={(v) => setBy(v as CancelledBy)}
            data={[
              { value: 'client', label: t('journal.cancel.byClient') },
              { value: 'salon', label: t('journal.cancel.bySalon') },
            ]}
            data-testid="cancel-by"
          />
        </Stack>
        <Textarea
          label={t('journal.cancel.reason')}
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-testid="cancel-reason"
        />
        {series && (
          <SegmentedControl
            value={scope}
            onChange={(v) => setScope(v as Scope)}
            data={[
              { value: 'this', label: t('journal.scope.this') },
              { value: 'following', label: t('journal.scope.following') },
            ]}
            data-testid="cancel-scope"
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('journal.cancel.keep')}
          </Button>
          <Button
            color="red"
            loading={pending}
            onClick={() =>
              onConfirm({
                status: 'cancelled',
                cancelled_by: by,
                ...(reason.trim() ? { reason: reason.trim() } : {}),
                ...(series ? { scope } : {}),
              })
            }
            data-testid="cancel-confirm"
          >
            {t('journal.cancel.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
