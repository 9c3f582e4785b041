import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowDownLeft, IconArrowUpRight, IconCheck, IconChecks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ChannelIcon } from './ChannelIcon';
import type { ClientMessage, MessageDelivery, MessageStatus } from './types';

export const STATUS_COLOR: Record<MessageStatus, string> = {
  pending: 'gray',
  sending: 'blue',
  sent: 'green',
  failed: 'red',
  voided: 'gray',
  skipped: 'gray',
  received: 'cyan',
};

const DELIVERY_COLOR: Record<MessageDelivery, string> = { delivered: 'teal', seen: 'teal', undelivered: 'red' };
const DELIVERY_ICON: Record<MessageDelivery, typeof IconCheck> = {
  delivered: IconCheck,
  seen: IconChecks,
  undelivered: IconAlertTriangle,
};

/** What became of a sent message, as its provider reported: delivered, seen, or not delivered. */
export function DeliveryNote({ message: m, locale }: { message: ClientMessage; locale: string }) {
  const { t } = useTranslation();
  if (m.direction !== 'out' || m.status !== 'sent' || !m.delivery) return null;
  const Icon = DELIVERY_ICON[m.delivery];
  return (
    <Group
      gap={4}
      wrap="nowrap"
      c={DELIVERY_COLOR[m.delivery]}
      aria-label={t('messaging.delivery.title')}
      data-testid="client-message-delivery"
      data-delivery={m.delivery}
    >
      <Icon size={14} />
      <Text size="xs">{t(`messaging.delivery.${m.delivery}`, { time: formatInstant(m.delivered_at, locale) })}</Text>
    </Group>
  );
}

/** Voided and skipped messages never went out: shown dimmed. */
export const isDimmed = (status: MessageStatus) => status === 'voided' || status === 'skipped';

export function formatInstant(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** One message to or from the client; its text is shown as plain text, never as HTML. */
export function MessageItem({ message: m }: { message: ClientMessage }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const dimmed = isDimmed(m.status);
  const waiting = m.status === 'pending' || m.status === 'sending';
  const when = waiting && m.due_at ? m.due_at : (m.sent_at ?? m.created_at);
  const kind = m.kind
    ? t(`messaging.kinds.${m.kind}`, { defaultValue: m.kind })
    : m.direction === 'in'
      ? t('messaging.client.reply')
      : t('messaging.client.manual');
  return (
    <Card p="sm" withBorder style={dimmed ? { opacity: 0.6 } : undefined} data-testid={`client-message-${m.id}`} data-status={m.status}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="nowrap" miw={0}>
            <ChannelIcon channel={m.channel} />
            <Text size="sm" fw={600} data-testid="client-message-channel">
              {t(`messaging.channelNames.${m.channel ?? 'none'}`, { defaultValue: m.channel ?? '' })}
            </Text>
            <Text size="sm" c="dimmed" data-testid="client-message-kind" truncate>
              · {kind}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Group gap={2} wrap="nowrap" c="dimmed" data-testid="client-message-direction">
              {m.direction === 'in' ? <IconArrowDownLeft size={14} /> : <IconArrowUpRight size={14} />}
              <Text size="xs">{m.direction === 'in' ? t('messaging.client.incoming') : t('messaging.client.outgoing')}</Text>
            </Group>
            <Badge
              variant={dimmed ? 'outline' : 'light'}
              color={STATUS_COLOR[m.status] ?? 'gray'}
              data-testid="client-message-status"
            >
              {t(`messaging.statuses.${m.status}`, { defaultValue: m.status })}
            </Badge>
          </Group>
        </Group>
        {m.text ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="client-message-text">
            {m.text}
          </Text>
        ) : (
          <Text size="sm" c="dimmed" fs="italic" data-testid="client-message-text">
            {waiting ? t('messaging.client.notWrittenYet') : t('messaging.client.noText')}
          </Text>
        )}
        {m.status === 'failed' && m.error && (
          <Text size="xs" c="red" data-testid="client-message-error">
            {t('messaging.client.error', { error: m.error })}
          </Text>
        )}
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="xs" c="dimmed" data-testid="client-message-time">
            {waiting && m.due_at
              ? t('messaging.client.due', { time: formatInstant(when, locale) })
              : formatInstant(when, locale)}
          </Text>
          <DeliveryNote message={m} locale={locale} />
        </Group>
      </Stack>
    </Card>
  );
}
