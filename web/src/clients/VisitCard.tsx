import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { STATUS_COLORS, statusLook } from '../journal/status';
import type { Appointment } from '../journal/types';
import { timeInZone } from '../staff/zoned';
import { formatMoney } from './money';
import { VisitRecord } from './VisitRecord';
import { isUpcoming, journalLink, visitDate } from './visits';

interface Props {
  appointment: Appointment;
  timeZone: string;
  currency: string;
  masters: Map<number, string>;
}

/** One appointment of the client's history. */
export function VisitCard({ appointment: a, timeZone, currency, masters }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const upcoming = isUpcoming(a);
  const cancelled = a.status === 'cancelled';
  const money = (minor: number) => formatMoney(minor, currency, lang);

  return (
    <Card
      p="sm"
      withBorder
      data-testid={`client-visit-${a.id}`}
      data-status={a.status}
      style={{ borderLeft: `4px solid ${statusLook(a.status).border}` }}
    >
      <Stack gap={8}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div>
            <Text fw={700} td={cancelled ? 'line-through' : undefined} data-testid="client-visit-date">
              {visitDate(a.start, timeZone, lang)}
            </Text>
            <Text size="sm" c="dimmed" data-testid="client-visit-time">
              {timeInZone(a.start, timeZone)}–{timeInZone(a.end, timeZone)}
            </Text>
          </div>
          <Group gap={6}>
            {upcoming && (
              <Badge variant="filled" data-testid="client-visit-upcoming">
                {t('clients.visits.upcoming')}
              </Badge>
            )}
            <Badge variant="light" color={STATUS_COLORS[a.status]} data-testid="client-visit-status">
              {t(`journal.status.${a.status}`)}
            </Badge>
          </Group>
        </Group>

        <Stack gap={2}>
          {a.items.map((item) => (
            <Group key={item.id} justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" miw={0} style={{ flex: 1 }}>
                {item.service_name}
                {masters.has(item.staff_id) && (
                  <Text span size="sm" c="dimmed">
                    {' · '}
                    {masters.get(item.staff_id)}
                  </Text>
                )}
              </Text>
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {money(item.amount)}
              </Text>
            </Group>
          ))}
        </Stack>

        {cancelled && (
          <Text size="sm" c="red.7" data-testid="client-visit-cancel-reason">
            {a.cancelled_by ? t(`clients.visits.cancelledBy.${a.cancelled_by}`) : t('clients.visits.cancelled')}
            {a.cancel_reason ? `: ${a.cancel_reason}` : ''}
          </Text>
        )}
        {a.notes && (
          <Text size="sm" c="dimmed" fs="italic" style={{ whiteSpace: 'pre-wrap' }}>
            {t('clients.visits.bookingNote')}: {a.notes}
          </Text>
        )}
        <VisitRecord visit={a.visit} clientId={a.client_id} />

        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm" fw={600} data-testid="client-visit-total">
            {t('clients.visits.total')}: {money(a.total)}
          </Text>
          <Anchor component={Link} to={journalLink(a, timeZone)} size="sm" data-testid="client-visit-journal">
            <Group gap={4} wrap="nowrap">
              <IconExternalLink size={14} />
              {t('clients.visits.openInJournal')}
            </Group>
          </Anchor>
        </Group>
      </Stack>
    </Card>
  );
}
