import { ActionIcon, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArchive,
  IconDots,
  IconDownload,
  IconGitMerge,
  IconShieldX,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ProblemAlert } from '../app/ProblemAlert';
import { problemText } from '../app/problems';
import { archiveClient, clientKeys, eraseClient, exportClientPath, mergeClient } from './api';
import { ClientPicker } from './ClientPicker';
import { download, type ExistingClient } from './http';
import type { Client } from './types';

/** Whether the typed text confirms erasing a client with this name. */
export function confirmsName(typed: string, name: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ');
  return norm(typed) !== '' && norm(typed) === norm(name);
}

interface Props {
  client: Client;
  canEdit: boolean;
  canErase: boolean;
  /** Set from outside (phone-taken alert) to open the merge dialog with a client picked. */
  mergeWith: ExistingClient | null;
  onMergeWithChange: (c: ExistingClient | null) => void;
}

export function ClientActions({ client, canEdit, canErase, mergeWith, onMergeWithChange }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'archive' | 'merge' | 'erase' | null>(null);
  const [mergeSource, setMergeSource] = useState<ExistingClient | null>(null);
  const [typed, setTyped] = useState('');
  const [exporting, setExporting] = useState(false);

  const mergeOpen = dialog === 'merge' || mergeWith !== null;
  const source = mergeWith ?? mergeSource;
  const closeDialog = () => {
    setDialog(null);
    setMergeSource(null);
    setTyped('');
    onMergeWithChange(null);
    archive.reset();
    merge.reset();
    erase.reset();
  };

  const refresh = (updated: Client) => {
    queryClient.setQueryData(clientKeys.detail(client.id), updated);
    void queryClient.invalidateQueries({ queryKey: ['clients', 'list'] });
    void queryClient.invalidateQueries({ queryKey: clientKeys.files(client.id) });
  };

  const archive = useMutation({
    mutationFn: () => archiveClient(client.id),
    onSuccess: (updated) => {
      refresh(updated);
      notifications.show({ color: 'teal', message: t('clients.actions.archived', { name: client.display_name }) });
      closeDialog();
      navigate('/clients');
    },
  });
  const merge = useMutation({
    mutationFn: (sourceId: number) => mergeClient(client.id, sourceId),
    onSuccess: (updated) => {
      refresh(updated);
      notifications.show({ color: 'teal', message: t('clients.actions.merged', { name: updated.display_name }) });
      closeDialog();
    },
  });
  const erase = useMutation({
    mutationFn: () => eraseClient(client.id),
    onSuccess: (updated) => {
      refresh(updated);
      notifications.show({ color: 'teal', message: t('clients.actions.erased') });
      closeDialog();
    },
  });

  const exportData = async () => {
    setExporting(true);
    try {
      await download(exportClientPath(client.id), `client-${client.id}.json`);
    } catch (error) {
      const { title, detail } = problemText(t, error);
      notifications.show({ color: 'red', title, message: detail ?? '' });
    } finally {
      setExporting(false);
    }
  };

  if (!canEdit) return null;
  return (
    <>
      <Menu position="bottom-end" withinPortal shadow="md">
        <Menu.Target>
          <ActionIcon variant="default" size="lg" aria-label={t('clients.actions.menu')} data-testid="client-actions">
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            leftSection={<IconGitMerge size={16} />}
            onClick={() => setDialog('merge')}
            disabled={client.archived}
            data-testid="client-action-merge"
          >
            {t('clients.actions.merge')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconDownload size={16} />}
            onClick={() => void exportData()}
            disabled={exporting}
            data-testid="client-action-export"
          >
            {t('clients.actions.export')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item
            leftSection={<IconArchive size={16} />}
            onClick={() => setDialog('archive')}
            disabled={client.archived}
            data-testid="client-action-archive"
          >
            {t('clients.actions.archive')}
          </Menu.Item>
          {canErase && (
            <Menu.Item
              color="red"
              leftSection={<IconShieldX size={16} />}
              onClick={() => setDialog('erase')}
              disabled={client.erased}
              data-testid="client-action-erase"
            >
              {t('clients.actions.erase')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>

      <Modal
        opened={dialog === 'archive'}
        onClose={closeDialog}
        title={t('clients.actions.archiveTitle', { name: client.display_name })}
        centered
        radius="lg"
      >
        <Stack>
          {archive.error && <ProblemAlert error={archive.error} />}
          <Text size="sm">{t('clients.actions.archiveText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={closeDialog}>
              {t('common.cancel')}
            </Button>
            <Button loading={archive.isPending} onClick={() => archive.mutate()} data-testid="client-archive-submit">
              {t('clients.actions.archive')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal
        opened={mergeOpen}
        onClose={closeDialog}
        title={t('clients.actions.mergeTitle', { name: client.display_name })}
        centered
        radius="lg"
        size="md"
      >
        <Stack data-testid="client-merge-dialog">
          {merge.error && <ProblemAlert error={merge.error} />}
          <Text size="sm">{t('clients.actions.mergeText')}</Text>
          {mergeWith === null && (
            <ClientPicker
              label={t('clients.actions.mergeSource')}
              value={mergeSource?.id ?? null}
              onChange={(id, c) => setMergeSource(id && c ? { id, display_name: c.display_name } : null)}
              exclude={[client.id]}
              data-testid="client-merge-source"
            />
          )}
          {source && (
            <Text size="sm" fw={500} data-testid="client-merge-confirm-text">
              {t('clients.actions.mergeConfirm', { source: source.display_name, target: client.display_name })}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={closeDialog}>
              {t('common.cancel')}
            </Button>
            <Button
              leftSection={<IconGitMerge size={16} />}
              disabled={!source}
              loading={merge.isPending}
              onClick={() => source && merge.mutate(source.id)}
              data-testid="client-merge-submit"
            >
              {t('clients.actions.mergeSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal
        opened={dialog === 'erase'}
        onClose={closeDialog}
        title={t('clients.actions.eraseTitle')}
        centered
        radius="lg"
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (confirmsName(typed, client.display_name)) erase.mutate();
          }}
        >
          <Stack>
            {erase.error && <ProblemAlert error={erase.error} />}
            <Text size="sm">{t('clients.actions.eraseText')}</Text>
            <TextInput
              label={
                <>
                  {t('clients.actions.eraseType')}{' '}
                  <Text span fw={700} inherit>
                    {client.display_name}
                  </Text>
                </>
              }
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              autoComplete="off"
              data-autofocus
              data-testid="client-erase-confirm"
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={closeDialog}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                color="red"
                disabled={!confirmsName(typed, client.display_name)}
                loading={erase.isPending}
                data-testid="client-erase-submit"
              >
                {t('clients.actions.eraseSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
