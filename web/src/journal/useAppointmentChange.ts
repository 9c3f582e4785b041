// Moving and resizing blocks: the journal shows the change at once, snaps
// back when the server refuses, and asks before booking outside working hours.
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';
import { problemText } from '../app/problems';
import { patchAppointment, useInvalidateBooking } from './api';
import { applyPatch, withAppointment } from './drag';
import type { Appointment, AppointmentPatch, Journal } from './types';

export interface Change {
  appointment: Appointment;
  body: AppointmentPatch;
}

export function useAppointmentChange(queryKey: QueryKey) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const invalidate = useInvalidateBooking();
  const [force, setForce] = useState<Change | null>(null);

  const mutation = useMutation({
    mutationFn: ({ appointment, body }: Change) => patchAppointment(appointment.id, body),
    onMutate: async ({ appointment, body }) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<Journal>(queryKey);
      if (previous) queryClient.setQueryData(queryKey, withAppointment(previous, applyPatch(appointment, body)));
      return { previous };
    },
    onError: (error, change, context) => {
      // The block snaps back to where it was.
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
      if (isApiError(error) && error.code === 'outside-working-hours' && !change.body.allow_outside_hours) {
        setForce(change);
        return;
      }
      const { title, detail } = problemText(t, error);
      notifications.show({ color: 'red', title, message: detail ?? t('journal.move.snappedBack') });
    },
    onSuccess: (saved) => {
      const current = queryClient.getQueryData<Journal>(queryKey);
      if (current && saved?.id) queryClient.setQueryData(queryKey, withAppointment(current, saved));
      notifications.show({ color: 'teal', message: t('journal.move.saved') });
    },
    onSettled: invalidate,
  });

  return {
    change: (appointment: Appointment, body: AppointmentPatch) => mutation.mutate({ appointment, body }),
    pending: mutation.isPending,
    /** A change refused as outside working hours, waiting for "book anyway". */
    force,
    confirmForce: () => {
      if (force) mutation.mutate({ appointment: force.appointment, body: { ...force.body, allow_outside_hours: true } });
      setForce(null);
    },
    dismissForce: () => setForce(null),
  };
}
