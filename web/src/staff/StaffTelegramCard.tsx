import { Alert, Badge, Button, Card, Group, Image, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBrandTelegram, IconInfoCircle, IconLinkOff } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';
import { CopyTextButton } from '../app/CopyTextButton';
import { ProblemAlert } from '../app/ProblemAlert';
import { createStaffTelegramLink, getStaffChannels, staffKeys, unlinkStaffTelegram } from './api';
import type { Staff, StaffChannels } from './types';

/** How often the card asks whether the link was opened while it is shown. */
const LINK_POLL_MS = 3000;

function formatTime(iso: string, locale: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** An SVG image as an <img> source (it cannot run anything there). */
const svgSource = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/**
 * The master's own Telegram chat with the salon's bot, where their notices come: linked or not, a
 * single-use link (with its QR code) to open on the master's phone, and unlinking.
 */
export function StaffTelegramCard({ staff }: { staff: Staff }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  // When the chat was linked as the link was made: another time means the link was opened.
  const linkedAtBefore = useRef<string | null>(null);
  const link = useMutation({
    mutationFn: () => createStaffTelegramLink(staff.id),
    onMutate: () => {
      linkedAtBefore.current = queryClient.getQueryData<StaffChannels>(staffKeys.channels(staff.id))?.telegram?.linked_at ?? null;
    },
  });
  const channels = useQuery({
    queryKey: staffKeys.channels(staff.id),
    queryFn: ({ signal }) => getStaffChannels(staff.id, signal),
    // While a link is shown, the card notices when the master opens it.
    refetchInterval: link.data ? LINK_POLL_MS : false,
  });
  const unlink = useMutation({
    mutationFn: () => unlinkStaffTelegram(staff.id),
    onSuccess: (saved) => {
      queryClient.setQueryData(staffKeys.channels(staff.id), saved);
      notifications.show({ color: 'teal', message: t('staff.telegram.unlinked') });
    },
  });
  const linked = !!channels.data?.telegram?.linked;
  const linkedAt = channels.data?.telegram?.linked_at ?? null;
  const shownLink = link.data;
  const resetLink = link.reset;
  // The link did its job (it works once): the chat is linked now.
  useEffect(() => {
    if (!shownLink || !linkedAt || linkedAt === linkedAtBefore.current) return;
    resetLink();
    notifications.show({ color: 'teal', message: t('staff.telegram.linkedNow', { name: staff.name }) });
  }, [linkedAt, shownLink, resetLink, t, staff.name]);
  const notSetUp = isApiError(link.error) && link.error.status === 409;

  return (
    <Card p={{ base: 'sm', sm: 'lg' }} maw={760} data-testid="staff-telegram">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <IconBrandTelegram size={22} color="var(--mantine-color-blue-6)" />
            <Text fw={700}>{t('staff.telegram.title')}</Text>
          </Group>
          {channels.data && (
            <Badge
              variant="light"
              color={linked ? 'teal' : 'gray'}
              title={linkedAt ? formatTime(linkedAt, i18n.language) : undefined}
              data-testid="staff-telegram-state"
            >
              {linked ? t('staff.telegram.linked') : t('staff.telegram.notLinked')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('staff.telegram.intro')}
        </Text>
        {channels.error ? (
          <ProblemAlert error={channels.error} testId="staff-telegram-error" />
        ) : channels.isPending ? (
          <Skeleton h={36} />
        ) : linked && linkedAt ? (
          <Text size="sm" data-testid="staff-telegram-since">
            {t('staff.telegram.since', { time: formatTime(linkedAt, i18n.language) })}
          </Text>
        ) : null}
        <Group gap="xs" wrap="wrap">
          <Button
            variant="light"
            leftSection={<IconBrandTelegram size={16} />}
            loading={link.isPending}
            disabled={channels.isPending}
            onClick={() => link.mutate()}
            data-testid="staff-telegram-link"
          >
            {shownLink || linked ? t('staff.telegram.newLink') : t('staff.telegram.createLink')}
          </Button>
          {linked && (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconLinkOff size={16} />}
              loading={unlink.isPending}
              onClick={() => unlink.mutate()}
              data-testid="staff-telegram-unlink"
            >
              {t('staff.telegram.unlink')}
            </Button>
          )}
        </Group>
        {unlink.error ? <ProblemAlert error={unlink.error} testId="staff-telegram-unlink-error" /> : null}
        {notSetUp ? (
          <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />} data-testid="staff-telegram-not-set-up">
            {t('staff.telegram.notSetUp')}
          </Alert>
        ) : link.error ? (
          <ProblemAlert error={link.error} testId="staff-telegram-link-error" />
        ) : null}
        {shownLink && (
          <Stack gap={6} data-testid="staff-telegram-url-box">
            <Text size="sm">{t('staff.telegram.howto')}</Text>
            {shownLink.qr_svg && (
              <Image
                src={svgSource(shownLink.qr_svg)}
                alt={t('staff.telegram.qrAlt')}
                w={180}
                h={180}
                fit="contain"
                data-testid="staff-telegram-qr"
              />
            )}
            <TextInput
              readOnly
              value={shownLink.url}
              onFocus={(e) => e.currentTarget.select()}
              aria-label={t('staff.telegram.linkLabel')}
              data-testid="staff-telegram-url"
            />
            <Group justify="space-between" gap="xs">
              <CopyTextButton value={shownLink.url} label={t('staff.telegram.copy')} testId="staff-telegram-copy" />
              <Text size="xs" c="dimmed">
                {t('staff.telegram.expires', { time: formatTime(shownLink.expires_at, i18n.language) })}
              </Text>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
