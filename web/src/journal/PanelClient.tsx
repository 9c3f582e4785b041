import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatPhone } from '../clients/phoneList';
import { TagBadges } from '../clients/TagChips';
import { shortDate } from '../staff/dates';
import { dateInZone } from '../staff/zoned';
import { clientAppointments, journalKeys } from './api';
import { STATUS_COLORS } from './status';
import type { Appointment } from './types';

/** Who the client is: contacts, tags, discount, notes and the last visits. */
export function PanelClient({ appointment, timeZone }: { appointment: Appointment; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const c = appointment.client;
  const history = useQuery({
    queryKey: journalKeys.clientHistory(appointment.client_id),
    queryFn: ({ signal }) => clientAppointments(appointment.client_id, 20, signal),
  });
  // Visits that already happened (or were missed), not this one or the ones still ahead.
  const now = Date.now();
  const past = (history.data ?? [])
    .filter((a) => a.id !== appointment.id && Date.parse(a.start) < now)
    .slice(0, 5);
  return (
    <Stack gap={6} data-testid="panel-client">
      <Group justify="space-between" wrap="nowrap">
        <Anchor component={Link} to={`/clients/${appointment.client_id}`} fw={700} size="lg" data-testid="panel-client-link">
          {c?.name ?? `#${appointment.client_id}`}
        </Anchor>
        {c && (
          <Text size="xs" c="dimmed">
            {t('journal.panel.visits', { n: c.visits })}
          </Text>
        )}
      </Group>
      {c?.phone && (
        <Anchor href={`tel:${c.phone}`} size="sm" data-testid="panel-client-phone">
          {formatPhone(c.phone)}
        </Anchor>
      )}
      <Group gap="xs">
        <TagBadges tags={c?.tags ?? []} size="xs" />
        {(c?.discount_percent ?? 0) > 0 && (
          <Badge color="teal" variant="light" size="sm" data-testid="panel-client-discount">
            {t('journal.panel.discount', { percent: c.discount_percent })}
          </Badge>
        )}
      </Group>
      {c?.notes && (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
          {c.notes}
        </Text>
      )}
      {past.length > 0 && (
        <Stack gap={2} data-testid="panel-history">
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            {t('journal.panel.lastVisits')}
          </Text>
          {past.map((a) => (
            <Group key={a.id} gap={6} wrap="nowrap">
              <Text size="xs" w={64}>
                {shortDate(dateInZone(a.start, timeZone), i18n.language)}
              </Text>
              <Text size="xs" truncate="end" style={{ flex: 1 }}>
                {a.items.map((i) => i.service_name).join(', ')}
              </Text>
              <Badge size="xs" variant="light" color={STATUS_COLORS[a.status]}>
                {t(`journal.status.${a.status}`)}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
