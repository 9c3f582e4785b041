import { Card, Group, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { useAuthedSession } from '../identity/session';
import { clientKeys, getClientSettings, updateClientSettings } from './api';
import { canEditClients } from './permissions';
import { TagsManager } from './TagsManager';
import type { NameOrder } from './types';

/** Settings > Clients: how names are shown, and the client tags. */
export function ClientsSettingsTab() {
  const { t } = useTranslation();
  const session = useAuthedSession();
  const canEdit = canEditClients(session.role);
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: clientKeys.settings, queryFn: ({ signal }) => getClientSettings(signal) });
  const save = useMutation({
    mutationFn: (name_order: NameOrder) => updateClientSettings({ name_order }),
    onSuccess: (s) => {
      queryClient.setQueryData(clientKeys.settings, s);
      void queryClient.invalidateQueries({ queryKey: clientKeys.all });
      notifications.show({ color: 'teal', message: t('clients.settings.saved') });
    },
  });

  return (
    <Stack gap="lg">
      <Card p="md">
        <Stack gap="xs">
          <Title order={3} fz="lg">
            {t('clients.settings.title')}
          </Title>
          {settings.error && <ProblemAlert error={settings.error} />}
          {save.error && <ProblemAlert error={save.error} />}
          <Group align="flex-end" gap="md">
            {settings.isPending ? (
              <Skeleton h={36} w={260} />
            ) : (
              <Select
                label={t('clients.settings.nameOrder')}
                data={[
                  { value: 'first_last', label: t('clients.settings.firstLast') },
                  { value: 'last_first', label: t('clients.settings.lastFirst') },
                ]}
                value={settings.data?.name_order ?? 'first_last'}
                onChange={(v) => v && v !== settings.data?.name_order && save.mutate(v as NameOrder)}
                allowDeselect={false}
                disabled={!canEdit || save.isPending}
                w={280}
                data-testid="settings-name-order"
              />
            )}
            <Text size="sm" c="dimmed" pb={8}>
              {t('clients.settings.nameOrderHint')}
            </Text>
          </Group>
        </Stack>
      </Card>
      <Stack gap="xs">
        <Title order={3} fz="lg">
          {t('clients.tags.title')}
        </Title>
        <TagsManager canEdit={canEdit} />
      </Stack>
    </Stack>
  );
}
