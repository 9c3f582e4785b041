import { Button, Card, Group, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCalendarStats } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { useAuthedSession } from '../identity/session';
import { VisitCard } from './VisitCard';
import { useClientVisits, useStaffNames, visitBranch } from './visits';

/** The client's appointments, newest first, a page at a time. */
export function VisitHistory({ clientId, currency }: { clientId: number; currency: string }) {
  const { t } = useTranslation();
  const session = useAuthedSession();
  const visits = useClientVisits(clientId);
  const masters = useStaffNames();

  if (visits.isPending) {
    return (
      <Stack gap="sm" data-testid="client-visits-loading">
        <Skeleton h={110} radius="md" />
        <Skeleton h={110} radius="md" />
      </Stack>
    );
  }
  if (visits.isError) {
    return (
      <Stack gap="sm" align="flex-start">
        <ProblemAlert error={visits.error} testId="client-visits-error" />
        <Button variant="light" onClick={() => void visits.refetch()}>
          {t('app.retry')}
        </Button>
      </Stack>
    );
  }

  const appointments = visits.data.pages.flatMap((p) => p.items ?? []);
  if (appointments.length === 0) return <VisitsEmpty />;

  return (
    <Stack gap="sm">
      <Title order={3} fz="lg">
        {t('clients.visits.title')}
      </Title>
      <Stack gap="sm" data-testid="client-visits" role="list">
        {appointments.map((a) => {
          const branch = visitBranch(session.branches, a.branch_id);
          return (
            <div key={a.id} role="listitem">
              <VisitCard
                appointment={a}
                timeZone={branch.timeZone}
                currency={branch.currency ?? currency}
                masters={masters}
              />
            </div>
          );
        })}
      </Stack>
      {visits.hasNextPage && (
        <Group justify="center">
          <Button
            variant="light"
            loading={visits.isFetchingNextPage}
            onClick={() => void visits.fetchNextPage()}
            data-testid="client-visits-more"
          >
            {t('clients.visits.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function VisitsEmpty() {
  const { t } = useTranslation();
  return (
    <Card p="xl" data-testid="client-visits-empty">
      <Stack align="center" gap="xs" ta="center">
        <ThemeIcon size={56} radius={28} variant="light">
          <IconCalendarStats size={28} stroke={1.5} />
        </ThemeIcon>
        <Text fw={600}>{t('clients.visits.emptyTitle')}</Text>
        <Text size="sm" c="dimmed" maw={420}>
          {t('clients.visits.emptyText')}
        </Text>
      </Stack>
    </Card>
  );
}
