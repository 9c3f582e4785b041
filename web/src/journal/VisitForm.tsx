import { Button, Group, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { journalKeys, putVisit } from './api';
import type { Appointment } from './types';

/** The visit record: what was done, the colour formula (masters may write it too). */
export function VisitForm({ appointment, readOnly }: { appointment: Appointment; readOnly: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const visit = appointment.visit ?? { notes: '', formula: '', photo_file_ids: [] };
  const [notes, setNotes] = useState(visit.notes ?? '');
  const [formula, setFormula] = useState(visit.formula ?? '');
  const mutation = useMutation({
    mutationFn: () => putVisit(appointment.id, { notes, formula, photo_file_ids: visit.photo_file_ids ?? [] }),
    onSuccess: (saved) => {
      if (saved?.id) queryClient.setQueryData(journalKeys.appointment(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: journalKeys.all });
      notifications.show({ color: 'teal', message: t('journal.visit.saved') });
    },
  });
  const changed = notes !== (visit.notes ?? '') || formula !== (visit.formula ?? '');
  return (
    <Stack gap="xs" data-testid="visit-form">
      <Textarea
        label={t('journal.visit.notes')}
        autosize
        minRows={2}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        readOnly={readOnly}
        data-testid="visit-notes"
      />
      <Textarea
        label={t('journal.visit.formula')}
        description={t('journal.visit.formulaHint')}
        autosize
        minRows={2}
        value={formula}
        onChange={(e) => setFormula(e.currentTarget.value)}
        readOnly={readOnly}
        data-testid="visit-formula"
      />
      {mutation.error && <ProblemAlert error={mutation.error} />}
      {!readOnly && (
        <Group justify="flex-end">
          <Button size="xs" onClick={() => mutation.mutate()} disabled={!changed} loading={mutation.isPending} data-testid="visit-save">
            {t('common.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
