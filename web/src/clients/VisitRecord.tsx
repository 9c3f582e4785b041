import { Anchor, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../journal/types';
import { filePath } from './api';

/** What the master wrote down about a visit: notes, the colour formula, photos. */
export function VisitRecord({ visit, clientId }: { visit: Visit | null | undefined; clientId: number }) {
  const { t } = useTranslation();
  const notes = visit?.notes?.trim() ?? '';
  const formula = visit?.formula?.trim() ?? '';
  const photos = visit?.photo_file_ids ?? [];
  if (!notes && !formula && photos.length === 0) return null;
  return (
    <Stack gap={6} data-testid="client-visit-record">
      {notes && (
        <div>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('clients.visits.visitNotes')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="client-visit-notes">
            {notes}
          </Text>
        </div>
      )}
      {formula && (
        <Paper
          p="xs"
          radius="sm"
          bg="var(--mantine-color-yellow-light)"
          style={{ borderLeft: '3px solid var(--mantine-color-yellow-6)' }}
          data-testid="client-visit-formula"
        >
          <Group gap={4} mb={2}>
            <IconFlask size={14} />
            <Text size="xs" fw={700} tt="uppercase">
              {t('clients.visits.formula')}
            </Text>
          </Group>
          <Text size="sm" ff="monospace" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {formula}
          </Text>
        </Paper>
      )}
      {photos.length > 0 && (
        <Group gap="xs" aria-label={t('clients.visits.photos')}>
          {photos.map((id) => (
            <Anchor key={id} href={filePath(clientId, id)} target="_blank" rel="noreferrer">
              <Image src={filePath(clientId, id)} alt={t('clients.visits.photo')} w={64} h={64} radius="sm" fit="cover" loading="lazy" />
            </Anchor>
          ))}
        </Group>
      )}
    </Stack>
  );
}
