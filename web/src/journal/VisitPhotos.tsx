import { Button, Checkbox, FileButton, Group, Image, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { problemText } from '../app/problems';
import { clientKeys, filePath, uploadFile } from '../clients/api';
import { MAX_FILE_SIZE } from '../clients/FilesTab';
import type { ClientFile } from '../clients/types';

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

export const isImage = (f: ClientFile) => f.content_type.startsWith('image/');

interface Props {
  clientId: number;
  /** The client's files (GET /clients/{id}/files); nothing is shown while it loads or if it failed. */
  files: UseQueryResult<ClientFile[]>;
  selected: number[];
  onToggle: (fileId: number, on: boolean) => void;
  /** A photo was uploaded: the form selects it. */
  onUploaded: (file: ClientFile) => void;
  readOnly: boolean;
  canUpload: boolean;
}

/** The client's photos as small thumbnails, each one attachable to the visit. */
export function VisitPhotos({ clientId, files, selected, onToggle, onUploaded, readOnly, canUpload }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) => uploadFile(clientId, file, 'photo_after'),
    onSuccess: (f) => {
      queryClient.setQueryData<ClientFile[]>(clientKeys.files(clientId), (old) =>
        old && !old.some((o) => o.id === f.id) ? [...old, f] : old,
      );
      void queryClient.invalidateQueries({ queryKey: clientKeys.files(clientId) });
      onUploaded(f);
    },
    onError: (error) => {
      const { title, detail } = problemText(t, error);
      notifications.show({ color: 'red', title, message: detail ?? '' });
    },
  });

  // No list (still loading, or not readable): show nothing rather than an error.
  if (!files.data) return null;
  const photos = files.data.filter(isImage);
  const uploading = canUpload && !readOnly;
  if (photos.length === 0 && !uploading) return null;

  const pick = (file: File | null) => {
    if (!file) return;
    if (!PHOTO_TYPES.includes(file.type) || file.size > MAX_FILE_SIZE) {
      notifications.show({
        color: 'red',
        title: file.name,
        message: t(PHOTO_TYPES.includes(file.type) ? 'journal.visit.photoTooBig' : 'journal.visit.photoBadType'),
      });
      return;
    }
    upload.mutate(file);
  };

  return (
    <Stack gap={4} data-testid="visit-photos">
      <Text size="sm" fw={500}>
        {t('journal.visit.photos')}
      </Text>
      {photos.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('journal.visit.photosEmpty')}
        </Text>
      ) : (
        <Group gap="xs">
          {photos.map((f) => {
            const on = selected.includes(f.id);
            return (
              <Stack key={f.id} gap={2} align="center" w={72}>
                <Image
                  src={f.url || filePath(clientId, f.id)}
                  alt={f.filename}
                  w={72}
                  h={72}
                  radius="sm"
                  fit="cover"
                  loading="lazy"
                  style={{ outline: on ? '2px solid var(--mantine-primary-color-filled)' : undefined, cursor: readOnly ? undefined : 'pointer' }}
                  onClick={() => !readOnly && onToggle(f.id, !on)}
                />
                <Checkbox
                  size="xs"
                  checked={on}
                  disabled={readOnly}
                  onChange={(e) => onToggle(f.id, e.currentTarget.checked)}
                  aria-label={t('journal.visit.photoAttach', { name: f.filename })}
                  data-testid={`visit-photo-${f.id}`}
                />
              </Stack>
            );
          })}
        </Group>
      )}
      {uploading && (
        <Group>
          <FileButton onChange={pick} accept={PHOTO_TYPES.join(',')}>
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="light"
                leftSection={<IconUpload size={14} />}
                loading={upload.isPending}
                data-testid="visit-photo-upload"
              >
                {t('journal.visit.photoUpload')}
              </Button>
            )}
          </FileButton>
        </Group>
      )}
    </Stack>
  );
}
