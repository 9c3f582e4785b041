import { Anchor, Badge, Card, Group, Rating, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { FeedbackItem } from './api';

interface Props {
  item: FeedbackItem;
  /** The branch's time zone for the visit's time. */
  timezone?: string;
  /** On the client's card the client is not named again. */
  showClient?: boolean;
  showBranch?: boolean;
}

/** One answer: stars, NPS, the comment, who and which visit. */
export function FeedbackCard({ item, timezone, showClient = true, showBranch = false }: Props) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: timezone }).format(new Date(iso));
  return (
    <Card p="md" data-testid={`feedback-item-${item.id}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Rating value={item.rating} readOnly aria-label={t('feedback.item.stars', { n: item.rating })} />
            <Text size="sm" fw={600}>
              {t(`feedback.ratingLabels.${item.rating}`)}
            </Text>
          </Group>
          <Group gap={6}>
            {item.nps !== null && (
              <Badge variant="light" color={item.nps >= 9 ? 'teal' : item.nps >= 7 ? 'gray' : 'red'}>
                {t('feedback.item.nps', { score: item.nps })}
              </Badge>
            )}
            {item.low && (
              <Badge color="red" data-testid="feedback-low">
                {t('feedback.item.low')}
              </Badge>
            )}
          </Group>
        </Group>
        {item.comment ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="feedback-comment">
            {item.comment}
          </Text>
        ) : (
          <Text size="sm" c="dimmed" fs="italic">
            {t('feedback.item.noComment')}
          </Text>
        )}
        <Group gap="md" wrap="wrap">
          {showClient && (
            <Anchor component={Link} to={`/clients/${item.client.id}`} size="sm" fw={500}>
              {item.client.name || t('feedback.item.unnamed')}
            </Anchor>
          )}
          <Text size="sm" c="dimmed">
            {t('feedback.item.visit', {
              when: when(item.visit_start),
              masters: item.staff.map((m) => m.name).join(', ') || '—',
            })}
          </Text>
          {showBranch && (
            <Text size="sm" c="dimmed">
              {item.branch.name}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t('feedback.item.answered', { when: when(item.updated_at) })}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}
