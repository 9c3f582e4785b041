import { Button, Card, Grid, Group, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useClientMessages } from './api';
import { ClientChannelsBox } from './ClientChannelsBox';
import { LoadFailed } from './FormParts';
import { MessageItem } from './MessageItem';

/** Client card > Messages: what was sent to the client and came back, and the client's channels. */
export function ClientMessagesTab({ clientId }: { clientId: number }) {
  return (
    <Grid gutter="md" align="flex-start">
      <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
        <MessageHistory clientId={clientId} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
        <ClientChannelsBox clientId={clientId} />
      </Grid.Col>
    </Grid>
  );
}

function MessageHistory({ clientId }: { clientId: number }) {
  const { t } = useTranslation();
  const messages = useClientMessages(clientId);
  if (messages.isPending) {
    return (
      <Stack gap="sm" data-testid="client-messages-loading">
        <Skeleton h={96} radius="md" />
        <Skeleton h={96} radius="md" />
      </Stack>
    );
  }
  if (messages.isError) {
    return <LoadFailed error={messages.error} onRetry={() => void messages.refetch()} testId="client-messages-error" gap="sm" />;
  }
  const items = messages.data.pages.flatMap((p) => p.items ?? []);
  if (items.length === 0) {
    return (
      <Card p="xl" data-testid="client-messages-empty">
        <Stack align="center" gap="xs" ta="center">
          <ThemeIcon size={56} radius={28} variant="light">
            <IconMessages size={28} stroke={1.5} />
          </ThemeIcon>
          <Text fw={600}>{t('messaging.client.emptyTitle')}</Text>
          <Text size="sm" c="dimmed" maw={420}>
            {t('messaging.client.emptyText')}
          </Text>
        </Stack>
      </Card>
    );
  }
  return (
    <Stack gap="sm">
      <Title order={3} fz="lg">
        {t('messaging.client.title')}
      </Title>
      <Stack gap="sm" role="list" data-testid="client-messages">
        {items.map((m) => (
          <div key={m.id} role="listitem">
            <MessageItem message={m} />
          </div>
        ))}
      </Stack>
      {messages.hasNextPage && (
        <Group justify="center">
          <Button
            variant="light"
            loading={messages.isFetchingNextPage}
            onClick={() => void messages.fetchNextPage()}
            data-testid="client-messages-more"
          >
            {t('messaging.client.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
