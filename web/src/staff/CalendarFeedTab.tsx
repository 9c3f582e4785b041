import { Anchor, Button, Card, Code, CopyButton, Group, Modal, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarShare, IconCheck, IconCopy, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { problemText } from '../app/problems';
import { getCalendarUrl, resetCalendarUrl, staffKeys } from './api';
import type { Staff } from './types';

/** The master's private iCal feed: copy it into a calendar app, or make a new link. */
export function CalendarFeedTab({ staff, canEdit }: { staff: Staff; canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const feed = useQuery({ queryKey: staffKeys.calendar(staff.id), queryFn: ({ signal }) => getCalendarUrl(staff.id, signal) });
  const reset = useMutation({
    mutationFn: () => resetCalendarUrl(staff.id),
    onSuccess: (data) => {
      queryClient.setQueryData(staffKeys.calendar(staff.id), data);
      notifications.show({ color: 'teal', message: t('staff.calendar.resetDone') });
      setConfirm(false);
    },
    onError: (error) => {
      setConfirm(false);
      const { title, detail } = problemText(t, error);
      notifications.show({ color: 'red', title, message: detail ?? '' });
    },
  });
  const url = feed.data?.url ?? '';

  return (
    <Card p={{ base: 'sm', sm: 'lg' }} maw={760} data-testid="calendar-tab">
      <Stack gap="sm">
        <Group gap="xs">
          <IconCalendarShare size={22} color="var(--mantine-color-kvitka-6)" />
          <Text fw={700}>{t('staff.calendar.title')}</Text>
        </Group>
        <Text size="sm" c="dimmed">
          {t('staff.calendar.intro', { name: staff.name })}
        </Text>
        {feed.error ? (
          <ProblemAlert error={feed.error} />
        ) : feed.isPending ? (
          <Skeleton h={40} />
        ) : (
          <>
            <Code block data-testid="calendar-url" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
              {url}
            </Code>
            <Group gap="xs" wrap="wrap">
              <CopyButton value={url} timeout={2000}>
                {({ copied, copy }) => (
                  <Button
                    leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                    color={copied ? 'teal' : undefined}
                    onClick={copy}
                    data-testid="calendar-copy"
                  >
                    {copied ? t('staff.calendar.copied') : t('staff.calendar.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button
                component="a"
                href={url.replace(/^https?:/, 'webcal:')}
                variant="default"
                data-testid="calendar-open"
              >
                {t('staff.calendar.open')}
              </Button>
              {canEdit && (
                <Button
                  variant="subtle"
                  color="red"
                  leftSection={<IconRefresh size={16} />}
                  onClick={() => setConfirm(true)}
                  data-testid="calendar-reset"
                >
                  {t('staff.calendar.reset')}
                </Button>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {t('staff.calendar.howto')}{' '}
              <Anchor href="https://support.google.com/calendar/answer/37100" target="_blank" rel="noreferrer" size="xs">
                Google Calendar
              </Anchor>
            </Text>
          </>
        )}
      </Stack>
      <Modal opened={confirm} onClose={() => setConfirm(false)} title={t('staff.calendar.resetTitle')} centered radius="lg">
        <Stack>
          <Text size="sm">{t('staff.calendar.resetText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={reset.isPending} onClick={() => reset.mutate()} data-testid="calendar-reset-confirm">
              {t('staff.calendar.reset')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
