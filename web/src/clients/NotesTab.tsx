import { Button, Group, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { clientKeys, updateClient } from './api';
import type { Client } from './types';

export function NotesTab({ client, canEdit }: { client: Client; canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [notes, setNotes] = useState(client.notes ?? '');
  useEffect(() => setNotes(client.notes ?? ''), [client.notes, client.updated_at]);
  const mutation = useMutation({
    mutationFn: () => updateClient(client.id, { notes: notes.trim() === '' ? null : notes }),
    onSuccess: (updated) => {
      queryClient.setQueryData(clientKeys.detail(client.id), updated);
      notifications.show({ color: 'teal', message: t('clients.saved') });
    },
  });
  const changed = notes !== (client.notes ?? '');
  return (
    <Stack gap="sm">
      {mutation.error && <ProblemAlert error={mutation.error} />}
      <Textarea
        label={t('clients.fields.notes')}
        description={t('clients.fields.notesHint')}
        autosize
        minRows={8}
        maxRows={24}
        value={notes}
        readOnly={!canEdit}
        onChange={(e) => setNotes(e.currentTarget.value)}
        data-testid="client-notes"
      />
      {canEdit && (
        <Group justify="flex-end">
          <Button
            onClick={() => mutation.mutate()}
            disabled={!changed}
            loading={mutation.isPending}
            data-testid="client-notes-save"
          >
            {t('common.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
