import {
  ActionIcon,
  Badge,
  Button,
  Card,
  ColorInput,
  Group,
  Modal,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { problemText, splitFieldErrors } from '../app/problems';
import { clientKeys, createTag, deleteTag, listTags, updateTag } from './api';
import type { Tag } from './types';

export const TAG_SWATCHES = [
  '#e64980',
  '#be4bdb',
  '#7950f2',
  '#4c6ef5',
  '#228be6',
  '#15aabf',
  '#12b886',
  '#40c057',
  '#82c91e',
  '#fab005',
  '#fd7e14',
  '#fa5252',
  '#868e96',
  '#212529',
];

const HEX = /^#[0-9a-f]{6}$/i;

/** Client tags of the salon: list, create, rename/recolour, delete. */
export function TagsManager({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const tags = useQuery({ queryKey: clientKeys.tags, queryFn: ({ signal }) => listTags(signal) });
  const [editing, setEditing] = useState<Tag | 'new' | null>(null);
  const [toDelete, setToDelete] = useState<Tag | null>(null);

  const remove = useMutation({
    mutationFn: (tag: Tag) => deleteTag(tag.id),
    onSuccess: (_, tag) => {
      void queryClient.invalidateQueries({ queryKey: clientKeys.tags });
      void queryClient.invalidateQueries({ queryKey: clientKeys.all });
      notifications.show({ color: 'teal', message: t('clients.tags.deleted', { name: tag.name }) });
      setToDelete(null);
    },
    onError: (error) => {
      setToDelete(null);
      const { title, detail } = problemText(t, error);
      notifications.show({ color: 'red', title, message: detail ?? '' });
    },
  });

  const list = tags.data ?? [];
  return (
    <Stack gap="sm" data-testid="tags-manager">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('clients.tags.intro')}
        </Text>
        {canEdit && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="tags-add">
            {t('clients.tags.add')}
          </Button>
        )}
      </Group>
      {tags.error ? (
        <ProblemAlert error={tags.error} />
      ) : (
        <Card p={0}>
          <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="tags-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('clients.tags.name')}</Table.Th>
                <Table.Th ta="right">{t('clients.tags.clients')}</Table.Th>
                {canEdit && <Table.Th w={96} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tags.isPending &&
                [0, 1].map((i) => (
                  <Table.Tr key={i}>
                    <Table.Td colSpan={3}>
                      <Skeleton h={16} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              {list.map((tag) => (
                <Table.Tr key={tag.id} data-testid={`tag-row-${tag.id}`}>
                  <Table.Td>
                    <Badge color={tag.color} autoContrast variant="filled" radius="sm" tt="none" size="lg">
                      {tag.name}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm">{tag.clients ?? 0}</Text>
                  </Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Tooltip label={t('clients.tags.edit')}>
                          <ActionIcon
                            variant="subtle"
                            onClick={() => setEditing(tag)}
                            aria-label={t('clients.tags.edit')}
                            data-testid={`tag-edit-${tag.id}`}
                          >
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('common.delete')}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            onClick={() => setToDelete(tag)}
                            aria-label={t('common.delete')}
                            data-testid={`tag-delete-${tag.id}`}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
              {!tags.isPending && list.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={3}>
                    <Text c="dimmed" ta="center" py="md">
                      {t('clients.tags.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Card>
      )}

      {editing !== null && (
        <TagModal tag={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}

      <Modal
        opened={toDelete !== null}
        onClose={() => setToDelete(null)}
        title={toDelete ? t('clients.tags.deleteTitle', { name: toDelete.name }) : ''}
        centered
        radius="lg"
      >
        <Stack>
          <Text size="sm">{t('clients.tags.deleteText', { n: toDelete?.clients ?? 0 })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setToDelete(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => toDelete && remove.mutate(toDelete)}
              data-testid="tag-delete-submit"
            >
              {t('common.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function TagModal({ tag, onClose }: { tag: Tag | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: tag?.name ?? '', color: tag?.color ?? TAG_SWATCHES[0] },
    validate: {
      name: (v) => (v.trim() ? null : t('errors.field.required')),
      color: (v) => (HEX.test(v) ? null : t('clients.tags.badColor')),
    },
  });
  const save = useMutation({
    mutationFn: (v: { name: string; color: string }) => {
      const body = { name: v.name.trim(), color: v.color.toLowerCase() };
      return tag ? updateTag(tag.id, body) : createTag(body);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: clientKeys.tags });
      if (tag) void queryClient.invalidateQueries({ queryKey: clientKeys.all });
      notifications.show({ color: 'teal', message: t('clients.tags.saved', { name: saved.name }) });
      onClose();
    },
    onError: (error) => {
      const { fields } = splitFieldErrors(t, error, ['name', 'color']);
      if (isApiError(error) && error.code === 'tag-taken') {
        fields.name = t('errors.problem.tag-taken');
      }
      form.setErrors(fields);
    },
  });
  const { other } = splitFieldErrors(t, save.error, ['name', 'color']);
  const taken = isApiError(save.error) && save.error.code === 'tag-taken';
  return (
    <Modal opened onClose={onClose} title={tag ? t('clients.tags.editTitle') : t('clients.tags.add')} centered radius="lg">
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack>
          {save.error && !taken && <ProblemAlert error={save.error} extra={other} />}
          <TextInput
            label={t('clients.tags.name')}
            data-autofocus
            maxLength={60}
            data-testid="tag-form-name"
            {...form.getInputProps('name')}
          />
          <ColorInput
            label={t('clients.tags.color')}
            format="hex"
            swatches={TAG_SWATCHES}
            swatchesPerRow={7}
            withEyeDropper={false}
            data-testid="tag-form-color"
            {...form.getInputProps('color')}
          />
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('clients.tags.preview')}
            </Text>
            <Badge
              color={HEX.test(form.values.color) ? form.values.color : 'gray'}
              autoContrast
              variant="filled"
              radius="sm"
              tt="none"
              size="lg"
            >
              {form.values.name.trim() || t('clients.tags.name')}
            </Badge>
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="tag-form-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
