import { Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatInstantDate } from './format';
import { formatMoney } from './money';
import type { Client } from './types';
import { VisitHistory } from './VisitHistory';

/** Visit statistics and the client's appointment history. */
export function VisitsTab({ client, currency }: { client: Client; currency: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const s = client.stats ?? {
    first_visit_at: null,
    last_visit_at: null,
    visits: 0,
    no_shows: 0,
    cancellations: 0,
    total_spent: 0,
    average_check: 0,
  };
  const stats: [string, string, string][] = [
    ['first', t('clients.stats.firstVisit'), formatInstantDate(s.first_visit_at, lang) || '—'],
    ['last', t('clients.stats.lastVisit'), formatInstantDate(s.last_visit_at, lang) || '—'],
    ['visits', t('clients.stats.visits'), String(s.visits)],
    ['no-shows', t('clients.stats.noShows'), String(s.no_shows)],
    ['cancellations', t('clients.stats.cancellations'), String(s.cancellations)],
    ['spent', t('clients.stats.totalSpent'), formatMoney(s.total_spent, currency, lang)],
    ['average', t('clients.stats.averageCheck'), formatMoney(s.average_check, currency, lang)],
  ];
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm" data-testid="client-stats">
        {stats.map(([key, label, value]) => (
          <Card key={key} p="sm" data-testid={`client-stat-${key}`}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {label}
            </Text>
            <Text fw={700} fz="lg" mt={4}>
              {value}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <VisitHistory clientId={client.id} currency={currency} />
    </Stack>
  );
}
