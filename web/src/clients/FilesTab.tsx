import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Image,
  Modal,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileText, IconTrash, IconUpload, IconUserCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { problemText } from '../app/problems';
import { clientKeys, deleteFile, filePath, listFiles, updateClient, uploadFile } from './api';
import { formatInstantDate, formatSize } from './format';
import { FILE_KINDS, type Client, type ClientFile, type FileKind } from './types';

export const FILE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];
export const MAX_FILE_SIZE = 10 * 1024 * 1024;

/** Why a picked file cannot be uploaded, or null. */
export function fileProblem(file: Pick<File, 'type' | 'size'>): 'type' | 'size' | null {
  if (!FILE_TYPES.includes(file.type)) return 'type';
  if (file.size > MAX_FILE_SIZE) return 'size';
  return null;
}

export function FilesTab({ client, canEdit }: { client: Client; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<FileKind>('photo_before');
  const [toDelete, setToDelete] = useState<ClientFile | null>(null);
  const files = useQuery({
    queryKey: clientKeys.files(client.id),
    queryFn: ({ signal }) => listFiles(client.id, signal),
  });

  const upload = useMutation({
    mutationFn: (file: File) => uploadFile(client.id, file, kind),
    onSuccess: (f) => {
      void queryClient.invalidateQueries({ queryKey: clientKeys.files(client.id) });
      notifications.show({ color: 'teal', message: t('clients.files.uploaded', { name: f.filename }) });
    },
  });
  const remove = useMutation({
    mutationFn: (f: ClientFile) => deleteFile(client.id, f.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: clientKeys.files(client.id) });
      setToDelete(null);
    },
    onError: (error) => {
      setToDelete(null);
      const { title, detail } = problemText(t, error);
      notifications.show({ color: 'red', title, message: detail ?? '' });
    },
  });

  const setPhoto = useMutation({
    mutationFn: (f: ClientFile) => updateClient(client.id, { photo_file_id: f.id }),
    onSuccess: (updated) => {
      queryClient.setQueryData(clientKeys.detail(client.id), updated);
      notifications.show({ color: 'teal', message: t('clients.files.photoSet') });
    },
    onError: (error) => {
      const { title, detail } = problemText(t, error);
      notifications.show({ color: 'red', title, message: detail ?? '' });
    },
  });

  const pick = (file: File | undefined) => {
    if (!file) return;
    const problem = fileProblem(file);
    if (problem) {
      notifications.show({
        color: 'red',
        title: file.name,
        message: problem === 'type' ? t('clients.files.badType') : t('clients.files.tooBig'),
      });
      return;
    }
    upload.mutate(file);
  };

  const list = files.data ?? [];
  return (
    <Stack gap="md">
      {canEdit && (
        <Card p="md">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label={t('clients.files.kind')}
              data={FILE_KINDS.map((k) => ({ value: k, label: t(`clients.files.kinds.${k}`) }))}
              value={kind}
              onChange={(v) => v && setKind(v as FileKind)}
              allowDeselect={false}
              w={220}
              data-testid="file-kind"
            />
            <input
              ref={input}
              type="file"
              accept={FILE_TYPES.join(',')}
              hidden
              onChange={(e) => {
                pick(e.currentTarget.files?.[0]);
                e.currentTarget.value = '';
              }}
              data-testid="file-input"
            />
            <Button
              leftSection={<IconUpload size={16} />}
              onClick={() => input.current?.click()}
              loading={upload.isPending}
              data-testid="file-upload"
            >
              {t('clients.files.upload')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('clients.files.hint')}
            </Text>
          </Group>
          {upload.error && (
            <Stack mt="sm">
              <ProblemAlert error={upload.error} />
            </Stack>
          )}
        </Card>
      )}

      {files.error ? (
        <ProblemAlert error={files.error} />
      ) : files.isPending ? (
        <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }}>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={180} radius="lg" />
          ))}
        </SimpleGrid>
      ) : list.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl" data-testid="files-empty">
          {t('clients.files.empty')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="sm" data-testid="files-list">
          {list.map((f) => {
            const url = f.url || filePath(client.id, f.id);
            return (
              <Card key={f.id} p={0} data-testid={`file-${f.id}`}>
                <Card.Section>
                  <Anchor href={url} target="_blank" rel="noopener noreferrer" aria-label={f.filename}>
                    {f.content_type.startsWith('image/') ? (
                      <Image src={url} alt={f.filename} h={130} fit="cover" loading="lazy" />
                    ) : (
                      <Center h={130} bg="gray.0">
                        <IconFileText size={44} stroke={1.2} color="var(--mantine-color-gray-6)" />
                      </Center>
                    )}
                  </Anchor>
                </Card.Section>
                <Stack gap={2} p="xs">
                  <Group justify="space-between" wrap="nowrap" gap={4}>
                    <Group gap={4} wrap="nowrap" miw={0}>
                      <Badge size="xs" variant="light">
                        {t(`clients.files.kinds.${f.kind}`, { defaultValue: f.kind })}
                      </Badge>
                      {client.photo_file_id === f.id && (
                        <Badge size="xs" variant="light" color="grape">
                          {t('clients.files.isPhoto')}
                        </Badge>
                      )}
                    </Group>
                    {canEdit && (
                      <Group gap={2} wrap="nowrap">
                      {f.content_type.startsWith('image/') && client.photo_file_id !== f.id && (
                        <Tooltip label={t('clients.files.usePhoto')}>
                          <ActionIcon
                            variant="subtle"
                            size="sm"
                            onClick={() => setPhoto.mutate(f)}
                            aria-label={t('clients.files.usePhoto')}
                            data-testid={`file-photo-${f.id}`}
                          >
                            <IconUserCircle size={14} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                      <Tooltip label={t('common.delete')}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          size="sm"
                          onClick={() => setToDelete(f)}
                          aria-label={t('common.delete')}
                          data-testid={`file-delete-${f.id}`}
                        >
                          <IconTrash size={14} />
                        </ActionIcon>
                      </Tooltip>
                      </Group>
                    )}
                  </Group>
                  <Text size="xs" fw={500} truncate="end" title={f.filename}>
                    {f.filename}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatSize(f.size, i18n.language)} · {formatInstantDate(f.created_at, i18n.language)}
                  </Text>
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      )}

      <Modal
        opened={toDelete !== null}
        onClose={() => setToDelete(null)}
        title={t('clients.files.deleteTitle')}
        centered
        radius="lg"
      >
        <Stack>
          <Text size="sm">{t('clients.files.deleteText', { name: toDelete?.filename ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setToDelete(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => toDelete && remove.mutate(toDelete)}
              data-testid="file-delete-submit"
            >
              {t('common.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
