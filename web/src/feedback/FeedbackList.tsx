import { Button, Card, Group, Skeleton, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconStar } from '@tabler/icons-react';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { useAuthedSession } from '../identity/session';
import type { FeedbackPage } from './api';
import { FeedbackCard } from './FeedbackCard';
import { FeedbackSummaryView } from './FeedbackSummaryView';

interface Props {
  query: UseInfiniteQueryResult<InfiniteData<FeedbackPage>, Error>;
  showClient?: boolean;
  testId: string;
}

/** The summary and the answers of a feedback query, page by page. */
export function FeedbackList({ query, showClient = true, testId }: Props) {
  const { t } = useTranslation();
  const session = useAuthedSession();
  const zones = new Map(session.branches.map((b) => [b.id, b.timezone]));
  if (query.isPending) {
    return (
      <Stack gap="sm" data-testid={`${testId}-loading`}>
        <Skeleton h={120} radius="md" />
        <Skeleton h={96} radius="md" />
      </Stack>
    );
  }
  if (query.isError) {
    return (
      <Stack gap="sm" align="flex-start">
        <ProblemAlert error={query.error} testId={`${testId}-error`} />
        <Button variant="light" onClick={() => void query.refetch()}>
          {t('app.retry')}
        </Button>
      </Stack>
    );
  }
  const pages = query.data.pages;
  const items = pages.flatMap((p) => p.items ?? []);
  return (
    <Stack gap="md">
      <FeedbackSummaryView summary={pages[0]!.summary} />
      {items.length === 0 ? (
        <Card p="xl" data-testid={`${testId}-empty`}>
          <Stack align="center" gap="xs" ta="center">
            <ThemeIcon size={56} radius={28} variant="light">
              <IconStar size={28} stroke={1.5} />
            </ThemeIcon>
            <Text fw={600}>{t('feedback.emptyTitle')}</Text>
            <Text size="sm" c="dimmed" maw={460}>
              {t('feedback.emptyText')}
            </Text>
          </Stack>
        </Card>
      ) : (
        <Stack gap="sm" role="list" data-testid={testId}>
          {items.map((item) => (
            <div key={item.id} role="listitem">
              <FeedbackCard
                item={item}
                timezone={zones.get(item.branch.id)}
                showClient={showClient}
                showBranch={session.branches.length > 1}
              />
            </div>
          ))}
        </Stack>
      )}
      {query.hasNextPage && (
        <Group justify="center">
          <Button
            variant="light"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
            data-testid={`${testId}-more`}
          >
            {t('feedback.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
