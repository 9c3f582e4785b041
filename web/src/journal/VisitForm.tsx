import { Button, Group, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { clientKeys, listFiles } from '../clients/api';
import { canEditClients } from '../clients/permissions';
import { useSession } from '../identity/session';
import { journalKeys, putVisit } from './api';
import type { Appointment } from './types';
import { VisitPhotos } from './VisitPhotos';

const sameIds = (a: number[], b: number[]) => a.length === b.length && a.every((id) => b.includes(id));

/** The visit record: what was done, the colour formula (masters may write it too). */
export function VisitForm({ appointment, readOnly }: { appointment: Appointment; readOnly: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const visit = appointment.visit ?? { notes: '', formula: '', photo_file_ids: [] };
  const [notes, setNotes] = useState(visit.notes ?? '');
  const [formula, setFormula] = useState(visit.formula ?? '');
  const initialPhotos = visit.photo_file_ids ?? [];
  const [photos, setPhotos] = useState<number[]>(initialPhotos);
  const clientId = appointment.client_id;
  // Masters may read the client's files (not upload them); a failed list just hides the photos.
  const files = useQuery({
    queryKey: clientKeys.files(clientId),
    queryFn: ({ signal }) => listFiles(clientId, signal),
    enabled: clientId > 0,
    retry: false,
  });
  const role = useSession().data?.role;
  const mutation = useMutation({
    mutationFn: () => {
      // Ids of files deleted meanwhile would be refused (422): send only the client's existing files.
      const known = files.data?.map((f) => f.id);
      const ids = known ? photos.filter((id) => known.includes(id)) : photos;
      return putVisit(appointment.id, { notes, formula, photo_file_ids: ids });
    },
    onSuccess: (saved) => {
      if (saved?.id) queryClient.setQueryData(journalKeys.appointment(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: journalKeys.all });
      notifications.show({ color: 'teal', message: t('journal.visit.saved') });
    },
  });
  const changed =
    notes !== (visit.notes ?? '') || formula !== (visit.formula ?? '') || !sameIds(photos, initialPhotos);
  const toggle = (id: number, on: boolean) =>
    setPhotos((cur) => (on ? (cur.includes(id) ? cur : [...cur, id]) : cur.filter((x) => x !== id)));
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
      <VisitPhotos
        clientId={clientId}
        files={files}
        selected={photos}
        onToggle={toggle}
        onUploaded={(f) => toggle(f.id, true)}
        readOnly={readOnly}
        canUpload={role !== undefined && canEditClients(role)}
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
