import { Card, Group, Progress, Rating, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FeedbackSummary } from './api';

/** The average stars with how many answers gave each, and the NPS with its three groups. */
export function FeedbackSummaryView({ summary }: { summary: FeedbackSummary }) {
  const { t, i18n } = useTranslation();
  const number = (n: number, digits = 0) =>
    new Intl.NumberFormat(i18n.language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
  const { nps } = summary;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" data-testid="feedback-summary">
      <Card p="md">
        <Text size="sm" c="dimmed">
          {t('feedback.summary.average')}
        </Text>
        <Group gap="sm" align="center" mt={4}>
          <Text fz={32} fw={700} lh={1} data-testid="feedback-average">
            {summary.average === null ? '—' : number(summary.average, 2)}
          </Text>
          <Rating value={summary.average ?? 0} fractions={4} readOnly aria-hidden />
        </Group>
        <Text size="sm" c="dimmed" mt={4} data-testid="feedback-count">
          {t('feedback.summary.answers', { n: summary.count })}
        </Text>
        <Stack gap={4} mt="sm">
          {(['5', '4', '3', '2', '1'] as const).map((stars) => {
            const n = summary.by_rating[stars] ?? 0;
            return (
              <Group key={stars} gap="xs" wrap="nowrap">
                <Text size="xs" w={28} ta="right">
                  {stars}★
                </Text>
                <Progress
                  value={summary.count ? (100 * n) / summary.count : 0}
                  color={Number(stars) <= 3 ? 'red' : 'yellow'}
                  size="sm"
                  style={{ flex: 1 }}
                  aria-label={t('feedback.summary.starsBar', { stars, n })}
                />
                <Text size="xs" w={28} c="dimmed">
                  {n}
                </Text>
              </Group>
            );
          })}
        </Stack>
      </Card>
      <Card p="md">
        <Text size="sm" c="dimmed">
          {t('feedback.summary.nps')}
        </Text>
        <Text fz={32} fw={700} lh={1} mt={4} data-testid="feedback-nps">
          {nps.score === null ? '—' : nps.score > 0 ? `+${nps.score}` : String(nps.score)}
        </Text>
        <Text size="sm" c="dimmed" mt={4}>
          {nps.count === 0 ? t('feedback.summary.npsNone') : t('feedback.summary.npsAnswers', { n: nps.count })}
        </Text>
        <Stack gap={2} mt="sm" data-testid="feedback-nps-groups">
          <Text size="sm">{t('feedback.summary.promoters', { n: nps.promoters })}</Text>
          <Text size="sm">{t('feedback.summary.passives', { n: nps.passives })}</Text>
          <Text size="sm">{t('feedback.summary.detractors', { n: nps.detractors })}</Text>
        </Stack>
      </Card>
    </SimpleGrid>
  );
}
