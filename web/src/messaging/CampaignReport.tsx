import { Alert, Button, Card, Grid, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChartBar, IconPlayerStop, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { CampaignStatusBadge, formatInstant, useAudienceText, useSalonZone } from './CampaignParts';
import { campaignKeys, cancelCampaign, type CampaignView } from './campaigns';
import { ChannelIcon } from './ChannelIcon';

interface Props {
  campaign: CampaignView;
  onRefresh: () => void;
  refreshing: boolean;
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={140} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId} style={{ minWidth: 0, wordBreak: 'break-word' }}>
        {children}
      </Text>
    </Group>
  );
}

function Stat({ label, value, color, testId }: { label: string; value: number; color?: string; testId: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl" c={color} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

/** A campaign that went, goes later or was cancelled: what it was, what it did, and stopping it. */
export function CampaignReport({ campaign: c, onRefresh, refreshing }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const zone = useSalonZone();
  const audience = useAudienceText(c.audience ?? {});
  const [confirmCancel, setConfirmCancel] = useState(false);
  const results = c.results ?? null;
  const pending = results?.pending ?? 0;
  // Scheduled: nothing went yet; sent: still going out at its pace.
  const cancellable = c.status === 'scheduled' || (c.status === 'sent' && pending > 0);

  const cancel = useMutation({
    mutationFn: () => cancelCampaign(c.id),
    onSuccess: (view) => {
      queryClient.setQueryData(campaignKeys.one(c.id), view);
      void queryClient.invalidateQueries({ queryKey: campaignKeys.list });
      setConfirmCancel(false);
      notifications.show({ color: 'teal', message: t('messaging.campaigns.cancel.done') });
    },
  });

  const when = c.send_at ? formatInstant(c.send_at, i18n.language, zone) : null;

  return (
    <Grid gutter="md" align="flex-start">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Card p={{ base: 'sm', sm: 'lg' }} data-testid="campaign-summary">
          <Stack gap="sm">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Title order={3} fz="lg" style={{ wordBreak: 'break-word' }}>
                {c.name}
              </Title>
              <CampaignStatusBadge status={c.status} testId="campaign-status" />
            </Group>
            <Row label={t('messaging.campaigns.fields.channel')}>
              <Group gap={6} wrap="nowrap">
                <ChannelIcon channel={c.channel} size={16} />
                {t(`messaging.channelNames.${c.channel}`)}
              </Group>
            </Row>
            <Row label={t('messaging.campaigns.fields.audience')} testId="campaign-summary-audience">
              {audience}
            </Row>
            {when && (
              <Row label={t(`messaging.campaigns.summary.when.${c.status}`)} testId="campaign-summary-when">
                {when}
              </Row>
            )}
            <Row label={t('messaging.campaigns.summary.recipients')} testId="campaign-summary-recipients">
              {c.recipients}
            </Row>
            {c.channel === 'sms' && (
              <Row label={t('messaging.campaigns.summary.smsParts')} testId="campaign-summary-parts">
                {c.sms_parts}
              </Row>
            )}
            <Row label={t('messaging.campaigns.fields.perMinute')}>{c.per_minute}</Row>
            {c.channel === 'email' && c.subject && <Row label={t('messaging.campaigns.fields.subject')}>{c.subject}</Row>}
            <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-gray-0)">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="campaign-summary-body">
                {c.body}
              </Text>
            </Paper>
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Card p={{ base: 'sm', sm: 'lg' }} data-testid="campaign-results">
          <Stack gap="sm">
            <Group justify="space-between" wrap="nowrap">
              <Group gap={6}>
                <IconChartBar size={18} />
                <Title order={3} fz="lg">
                  {t('messaging.campaigns.results.title')}
                </Title>
              </Group>
              <Button
                variant="light"
                size="compact-sm"
                leftSection={<IconRefresh size={14} />}
                loading={refreshing}
                onClick={onRefresh}
                data-testid="campaign-results-refresh"
              >
                {t('messaging.campaigns.results.refresh')}
              </Button>
            </Group>
            {results ? (
              <>
                <SimpleGrid cols={2} spacing="xs">
                  <Stat label={t('messaging.campaigns.results.sent')} value={results.sent} color="teal" testId="campaign-result-sent" />
                  <Stat
                    label={t('messaging.campaigns.results.delivered')}
                    value={results.delivered ?? 0}
                    color="teal"
                    testId="campaign-result-delivered"
                  />
                  <Stat
                    label={t('messaging.campaigns.results.failed')}
                    value={results.failed}
                    color={results.failed > 0 ? 'red' : undefined}
                    testId="campaign-result-failed"
                  />
                  <Stat label={t('messaging.campaigns.results.pending')} value={results.pending} testId="campaign-result-pending" />
                  <Stat label={t('messaging.campaigns.results.voided')} value={results.voided} testId="campaign-result-voided" />
                </SimpleGrid>
                <Text size="xs" c="dimmed" data-testid="campaign-result-delivered-hint">
                  {t('messaging.campaigns.results.deliveredHint')}
                </Text>
                <Paper withBorder p="sm" radius="md">
                  <Text size="xs" c="dimmed" data-testid="campaign-result-bookings-label">
                    {t('messaging.campaigns.results.bookings', { days: results.days })}
                  </Text>
                  <Text fw={700} fz="xl" c="kvitka" data-testid="campaign-result-bookings">
                    {results.bookings}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('messaging.campaigns.results.bookingsHint')}
                  </Text>
                </Paper>
              </>
            ) : (
              <Text size="sm" c="dimmed" data-testid="campaign-results-none">
                {t('messaging.campaigns.results.none')}
              </Text>
            )}
            {cancellable && (
              <Group justify="flex-end">
                <Button
                  color="red"
                  variant="light"
                  leftSection={<IconPlayerStop size={16} />}
                  onClick={() => setConfirmCancel(true)}
                  data-testid="campaign-cancel"
                >
                  {c.status === 'scheduled' ? t('messaging.campaigns.cancel.button') : t('messaging.campaigns.cancel.stop')}
                </Button>
              </Group>
            )}
          </Stack>
        </Card>
      </Grid.Col>
      <Modal opened={confirmCancel} onClose={() => setConfirmCancel(false)} title={t('messaging.campaigns.cancel.title')} centered>
        <Stack gap="md">
          <Text size="sm" data-testid="campaign-cancel-text">
            {t('messaging.campaigns.cancel.text', { pending })}
          </Text>
          {cancel.error ? <ProblemAlert error={cancel.error} /> : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirmCancel(false)}>
              {t('messaging.campaigns.cancel.keep')}
            </Button>
            <Button color="red" loading={cancel.isPending} onClick={() => cancel.mutate()} data-testid="campaign-cancel-confirm">
              {t('messaging.campaigns.cancel.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {c.status === 'cancelled' && (
        <Grid.Col span={12}>
          <Alert color="gray" variant="light" data-testid="campaign-cancelled-note">
            {t('messaging.campaigns.cancel.note')}
          </Alert>
        </Grid.Col>
      )}
    </Grid>
  );
}
