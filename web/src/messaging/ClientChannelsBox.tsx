import { Alert, Badge, Button, Card, Group, Skeleton, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBrandTelegram, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';
import { CopyTextButton } from '../app/CopyTextButton';
import { ProblemAlert } from '../app/ProblemAlert';
import { createTelegramLink, getClientChannels, messagingKeys, putClientChannels } from './api';
import { ChannelIcon } from './ChannelIcon';
import { ChannelOrderList } from './ChannelOrderList';
import { formatInstant } from './MessageItem';
import { fullOrder } from './rules';
import type { ChannelName, ClientChannels } from './types';

/** The client's messengers (linked or not), their own channel order and a link to join the Telegram bot. */
export function ClientChannelsBox({ clientId }: { clientId: number }) {
  const { t } = useTranslation();
  const channels = useQuery({
    queryKey: messagingKeys.clientChannels(clientId),
    queryFn: ({ signal }) => getClientChannels(clientId, signal),
  });
  return (
    <Card p={{ base: 'sm', sm: 'md' }} data-testid="client-channels">
      <Stack gap="md">
        <Title order={3} fz="lg">
          {t('messaging.client.channelsTitle')}
        </Title>
        {channels.error ? (
          <ProblemAlert error={channels.error} testId="client-channels-error" />
        ) : channels.isPending ? (
          <Skeleton h={160} radius="md" />
        ) : (
          <>
            <Linked channel="telegram" state={channels.data.telegram} />
            <Linked channel="viber" state={channels.data.viber} />
            <OrderEditor key={channels.data.channel_order.join(',')} clientId={clientId} channels={channels.data} />
          </>
        )}
        <TelegramLinkButton clientId={clientId} />
      </Stack>
    </Card>
  );
}

function Linked({ channel, state }: { channel: ChannelName; state: { linked: boolean; linked_at: string | null } | undefined }) {
  const { t, i18n } = useTranslation();
  const linked = !!state?.linked;
  return (
    <Group justify="space-between" wrap="nowrap" data-testid={`client-channels-${channel}`}>
      <Group gap="xs" wrap="nowrap">
        <ChannelIcon channel={channel} />
        <Text size="sm" fw={500}>
          {t(`messaging.channelNames.${channel}`)}
        </Text>
      </Group>
      <Badge
        variant="light"
        color={linked ? 'teal' : 'gray'}
        title={linked && state?.linked_at ? formatInstant(state.linked_at, i18n.language) : undefined}
        data-testid={`client-channels-${channel}-state`}
      >
        {linked ? t('messaging.client.linked') : t('messaging.client.notLinked')}
      </Badge>
    </Group>
  );
}

function OrderEditor({ clientId, channels }: { clientId: number; channels: ClientChannels }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const loaded = channels.channel_order ?? [];
  const [own, setOwn] = useState(loaded.length > 0);
  const [order, setOrder] = useState<ChannelName[]>(fullOrder(loaded));
  const wanted = own ? order : [];
  const dirty = wanted.join(',') !== loaded.join(',');
  const save = useMutation({
    mutationFn: () => putClientChannels(clientId, wanted),
    onSuccess: (saved) => {
      queryClient.setQueryData(messagingKeys.clientChannels(clientId), saved);
      notifications.show({ color: 'teal', message: t('messaging.client.orderSaved') });
    },
  });
  return (
    <Stack gap="xs">
      <Switch
        label={t('messaging.client.ownOrder')}
        description={own ? t('messaging.client.ownOrderOn') : t('messaging.client.ownOrderOff')}
        checked={own}
        onChange={(e) => setOwn(e.currentTarget.checked)}
        data-testid="client-channels-own"
      />
      {own && <ChannelOrderList value={order} onChange={setOrder} testId="client-channels-order" />}
      {save.error ? <ProblemAlert error={save.error} /> : null}
      {dirty && (
        <Group justify="flex-end">
          <Button size="xs" loading={save.isPending} onClick={() => save.mutate()} data-testid="client-channels-save">
            {t('common.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function TelegramLinkButton({ clientId }: { clientId: number }) {
  const { t, i18n } = useTranslation();
  const link = useMutation({ mutationFn: () => createTelegramLink(clientId) });
  const notSetUp = isApiError(link.error) && link.error.status === 409;
  return (
    <Stack gap="xs">
      <Button
        variant="light"
        leftSection={<IconBrandTelegram size={16} />}
        loading={link.isPending}
        onClick={() => link.mutate()}
        data-testid="client-telegram-link"
      >
        {link.data ? t('messaging.client.telegramLinkAgain') : t('messaging.client.telegramLink')}
      </Button>
      <Text size="xs" c="dimmed">
        {t('messaging.client.telegramLinkHint')}
      </Text>
      {notSetUp ? (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />} data-testid="client-telegram-not-set-up">
          {t('messaging.client.telegramNotSetUp')}
        </Alert>
      ) : link.error ? (
        <ProblemAlert error={link.error} testId="client-telegram-error" />
      ) : null}
      {link.data && (
        <Stack gap={6} data-testid="client-telegram-url-box">
          <TextInput
            readOnly
            value={link.data.url}
            onFocus={(e) => e.currentTarget.select()}
            aria-label={t('messaging.client.telegramLinkLabel')}
            data-testid="client-telegram-url"
          />
          <Group justify="space-between" gap="xs">
            <CopyTextButton value={link.data.url} label={t('messaging.client.copyLink')} testId="client-telegram-copy" />
            {link.data.expires_at && (
              <Text size="xs" c="dimmed">
                {t('messaging.client.expires', { time: formatInstant(link.data.expires_at, i18n.language) })}
              </Text>
            )}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
