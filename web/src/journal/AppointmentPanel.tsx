import { Alert, Badge, Divider, Drawer, Group, Stack, Table, Text } from '@mantine/core';
import { IconWorld } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { formatMoney } from '../clients/money';
import type { Role } from '../identity/types';
import { shortDate } from '../staff/dates';
import { dateInZone, timeInZone } from '../staff/zoned';
import { getAppointment, journalKeys } from './api';
import { PanelClient } from './PanelClient';
import { canEditVisit } from './permissions';
import { StatusButtons } from './StatusButtons';
import { STATUS_COLORS } from './status';
import type { Appointment, JournalStaff } from './types';
import { VisitForm } from './VisitForm';

interface Props {
  /** The appointment as the journal has it (shown at once, then refreshed). */
  appointment: Appointment | null;
  timeZone: string;
  currency: string;
  role: Role;
  masters: readonly JournalStaff[];
  onClose: () => void;
}

/** The side panel of an appointment: client, services and prices, status, visit record. */
export function AppointmentPanel({ appointment, timeZone, currency, role, masters, onClose }: Props) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  return (
    <Drawer
      opened={appointment !== null}
      onClose={onClose}
      position="right"
      size={isPhone ? '100%' : 'md'}
      title={<Text fw={700}>{t('journal.panel.title')}</Text>}
    >
      {appointment && (
        <PanelBody key={appointment.id} initial={appointment} timeZone={timeZone} currency={currency} role={role} masters={masters} />
      )}
    </Drawer>
  );
}

function PanelBody({ initial, timeZone, currency, role, masters }: Omit<Props, 'appointment' | 'onClose'> & { initial: Appointment }) {
  const { t, i18n } = useTranslation();
  const query = useQuery({
    queryKey: journalKeys.appointment(initial.id),
    queryFn: ({ signal }) => getAppointment(initial.id, signal),
    placeholderData: initial,
  });
  const a = query.data ?? initial;
  const name = (id: number) => masters.find((m) => m.id === id)?.name ?? `#${id}`;
  const money = (minor: number) => formatMoney(minor, currency, i18n.language);
  const date = dateInZone(a.start, timeZone);
  return (
    <Stack gap="md" data-testid="appointment-panel" data-appointment-id={a.id}>
      {query.error && <ProblemAlert error={query.error} />}
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600} data-testid="panel-time">
          {shortDate(date, i18n.language, true)}, {timeInZone(a.start, timeZone)}–{timeInZone(a.end, timeZone)}
        </Text>
        <Group gap={4}>
          <Badge color={STATUS_COLORS[a.status]} data-testid="panel-status">
            {t(`journal.status.${a.status}`)}
          </Badge>
          <Badge variant="outline" color="gray">
            {t(`journal.source.${a.source}`)}
          </Badge>
          {a.series_id !== null && (
            <Badge variant="outline" color="grape">
              {t('journal.panel.series')}
            </Badge>
          )}
        </Group>
      </Group>
      {a.status === 'cancelled' && (
        <Text size="sm" c="dimmed" data-testid="panel-cancelled">
          {a.cancelled_by ? t(`journal.cancel.by.${a.cancelled_by}`) : t('journal.status.cancelled')}
          {a.cancel_reason ? `: ${a.cancel_reason}` : ''}
        </Text>
      )}
      {a.source === 'online' && (
        <Alert
          color="teal"
          variant="light"
          radius="md"
          icon={<IconWorld size={18} />}
          title={t('journal.online.title')}
          data-testid="panel-online"
        >
          {a.notes ? (
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                {t('journal.online.comment')}
              </Text>
              {/* The client's own words: plain text, never markup. */}
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="panel-notes">
                {a.notes}
              </Text>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('journal.online.noComment')}
            </Text>
          )}
        </Alert>
      )}
      <StatusButtons appointment={a} role={role} />
      <Divider />
      <PanelClient appointment={a} timeZone={timeZone} />
      <Divider />
      <Table verticalSpacing={4} horizontalSpacing={4} fz="sm" data-testid="panel-items">
        <Table.Tbody>
          {a.items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {item.service_name}
                </Text>
                <Text size="xs" c="dimmed">
                  {timeInZone(item.start, timeZone)}–{timeInZone(item.end, timeZone)} · {name(item.staff_id)}
                </Text>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {item.discount_percent > 0 && (
                  <Text size="xs" c="dimmed" td="line-through">
                    {money(item.price)}
                  </Text>
                )}
                <Text size="sm">{money(item.amount)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td>
              <Text fw={700}>{t('journal.panel.total')}</Text>
            </Table.Td>
            <Table.Td ta="right">
              <Text fw={700} data-testid="panel-total">
                {money(a.total)}
              </Text>
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {a.source !== 'online' && a.notes && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="panel-notes">
          {a.notes}
        </Text>
      )}
      <Divider label={t('journal.visit.title')} labelPosition="left" />
      <VisitForm key={a.version} appointment={a} readOnly={!canEditVisit(role)} />
    </Stack>
  );
}
