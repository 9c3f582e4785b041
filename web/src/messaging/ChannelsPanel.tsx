import { SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listChannels, messagingKeys } from './api';
import { ChannelCard } from './ChannelCard';
import { LoadFailed } from './FormParts';
import type { ChannelName } from './types';

/** The order the cards are shown in. */
const SHOWN: ChannelName[] = ['telegram', 'sms', 'viber', 'email'];

/** Settings > Messages > Channels: one card per channel. */
export function ChannelsPanel() {
  const { t } = useTranslation();
  const channels = useQuery({ queryKey: messagingKeys.channels, queryFn: ({ signal }) => listChannels(signal) });

  if (channels.error) {
    return <LoadFailed error={channels.error} onRetry={() => void channels.refetch()} testId="channels-error" />;
  }
  if (channels.isPending) {
    return (
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {SHOWN.map((c) => (
          <Skeleton key={c} h={260} radius="lg" />
        ))}
      </SimpleGrid>
    );
  }
  const byName = new Map(channels.data.map((c) => [c.channel, c]));
  return (
    <Stack gap="md" data-testid="channels-panel">
      <Text c="dimmed" size="sm">
        {t('messaging.channels.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {SHOWN.map((name) => {
          const view = byName.get(name);
          return view ? <ChannelCard key={name} view={view} /> : null;
        })}
      </SimpleGrid>
    </Stack>
  );
}
