import { ActionIcon, Button, Group, Menu, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBookmark, IconDeviceFloppy, IconDots, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { problemText } from '../app/problems';
import { clientKeys, createSegment, deleteSegment, listSegments } from './api';
import { activeFilterCount, filterFromSegment, sameFilter, type ClientFilter } from './filters';
import type { Segment } from './types';

interface Props {
  filter: ClientFilter;
  onApply: (filter: ClientFilter) => void;
  /** Take the free width of the row (phones). */
  grow?: boolean;
}

/** Saved filters: pick one to apply it, save the current filters, delete. */
export function SegmentsControl({ filter, onApply, grow = false }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const segments = useQuery({ queryKey: clientKeys.segments, queryFn: ({ signal }) => listSegments(signal) });
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [toDelete, setToDelete] = useState<Segment | null>(null);

  const list = segments.data ?? [];
  const current = list.find((s) => sameFilter(filterFromSegment(s.filter), filter)) ?? null;
  const canSave = activeFilterCount(filter) > 0 || !!filter.q;

  const save = useMutation({
    mutationFn: () => createSegment(name.trim(), filter),
    onSuccess: (segment) => {
      void queryClient.invalidateQueries({ queryKey: clientKeys.segments });
      notifications.show({ color: 'teal', message: t('clients.segments.saved', { name: segment.name }) });
      setSaving(false);
      setName('');
    },
  });
  const remove = useMutation({
    mutationFn: (s: Segment) => deleteSegment(s.id),
    onSuccess: (_, s) => {
      void queryClient.invalidateQueries({ queryKey: clientKeys.segments });
      notifications.show({ color: 'teal', message: t('clients.segments.deleted', { name: s.name }) });
      setToDelete(null);
    },
    onError: (error) => {
      setToDelete(null);
      const { title, detail } = problemText(t, error);
      notifications.show({ color: 'red', title, message: detail ?? '' });
    },
  });

  return (
    <Group gap={4} wrap="nowrap" flex={grow ? 1 : undefined} miw={0}>
      <Select
        placeholder={t('clients.segments.placeholder')}
        leftSection={<IconBookmark size={16} />}
        data={list.map((s) => ({ value: String(s.id), label: s.name }))}
        value={current ? String(current.id) : null}
        onChange={(v) => {
          const s = list.find((x) => String(x.id) === v);
          onApply(s ? filterFromSegment(s.filter) : {});
        }}
        clearable
        nothingFoundMessage={t('clients.segments.none')}
        w={grow ? undefined : 200}
        flex={grow ? 1 : undefined}
        miw={0}
        aria-label={t('clients.segments.label')}
        data-testid="clients-segment"
        comboboxProps={{ withinPortal: true }}
      />
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="default" size="input-sm" aria-label={t('clients.segments.menu')} data-testid="clients-segment-menu">
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            leftSection={<IconDeviceFloppy size={16} />}
            disabled={!canSave}
            onClick={() => setSaving(true)}
            data-testid="clients-segment-save"
          >
            {t('clients.segments.save')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconTrash size={16} />}
            color="red"
            disabled={!current}
            onClick={() => current && setToDelete(current)}
            data-testid="clients-segment-delete"
          >
            {current ? t('clients.segments.deleteNamed', { name: current.name }) : t('clients.segments.delete')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>

      <Modal opened={saving} onClose={() => setSaving(false)} title={t('clients.segments.saveTitle')} centered radius="lg">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) save.mutate();
          }}
        >
          <Stack>
            {save.error && <ProblemAlert error={save.error} />}
            <Text size="sm" c="dimmed">
              {t('clients.segments.saveText')}
            </Text>
            <TextInput
              label={t('clients.segments.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              data-autofocus
              data-testid="segment-name"
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setSaving(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" disabled={!name.trim()} loading={save.isPending} data-testid="segment-save-submit">
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>

      <Modal
        opened={toDelete !== null}
        onClose={() => setToDelete(null)}
        title={toDelete ? t('clients.segments.deleteTitle', { name: toDelete.name }) : ''}
        centered
        radius="lg"
      >
        <Stack>
          <Text size="sm">{t('clients.segments.deleteText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setToDelete(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => toDelete && remove.mutate(toDelete)}
              data-testid="segment-delete-submit"
            >
              {t('common.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
