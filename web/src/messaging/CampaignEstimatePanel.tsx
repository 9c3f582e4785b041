import { Button, Card, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconRefresh, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import type { CampaignEstimate } from './campaigns';
import type { ChannelName } from './types';

interface Props {
  channel: ChannelName;
  estimate: CampaignEstimate | undefined;
  pending: boolean;
  error: unknown;
  /** The draft changed since this estimate. */
  stale: boolean;
  onRefresh: () => void;
  /** The sending buttons. */
  children?: ReactNode;
}

function Figure({ label, value, testId, strong = false }: { label: string; value: ReactNode; testId: string; strong?: boolean }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={strong ? 700 : 600} fz={strong ? 'xl' : 'md'} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

/** Who a draft would reach and what it costs in SMS parts, counted on request. */
export function CampaignEstimatePanel({ channel, estimate, pending, error, stale, onRefresh, children }: Props) {
  const { t } = useTranslation();
  return (
    <Card p={{ base: 'sm', sm: 'lg' }} data-testid="campaign-estimate">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap={6}>
            <IconUsers size={18} />
            <Title order={3} fz="lg">
              {t('messaging.campaigns.estimate.title')}
            </Title>
          </Group>
          <Button
            variant="light"
            size="compact-sm"
            leftSection={pending ? <Loader size={12} /> : <IconRefresh size={14} />}
            disabled={pending}
            onClick={onRefresh}
            data-testid="campaign-estimate-refresh"
          >
            {estimate ? t('messaging.campaigns.estimate.refresh') : t('messaging.campaigns.estimate.run')}
          </Button>
        </Group>
        {error ? <ProblemAlert error={error} testId="campaign-estimate-error" /> : null}
        {!estimate ? (
          <Text size="sm" c="dimmed" data-testid="campaign-estimate-empty">
            {t('messaging.campaigns.estimate.empty')}
          </Text>
        ) : (
          <Stack gap="sm" opacity={stale || pending ? 0.6 : 1}>
            {stale && (
              <Text size="xs" c="orange.8" data-testid="campaign-estimate-stale">
                {t('messaging.campaigns.estimate.stale')}
              </Text>
            )}
            <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
              <Figure
                label={t('messaging.campaigns.estimate.recipients')}
                value={estimate.recipients}
                testId="campaign-estimate-recipients"
                strong
              />
              <Figure label={t('messaging.campaigns.estimate.clients')} value={estimate.clients} testId="campaign-estimate-clients" />
              <Figure
                label={t('messaging.campaigns.estimate.withoutConsent')}
                value={estimate.without_consent}
                testId="campaign-estimate-without-consent"
              />
              <Figure
                label={t('messaging.campaigns.estimate.unreachable')}
                value={estimate.unreachable}
                testId="campaign-estimate-unreachable"
              />
              {channel === 'sms' && (
                <>
                  <Figure
                    label={t('messaging.campaigns.estimate.smsParts')}
                    value={estimate.sms_parts}
                    testId="campaign-estimate-sms-parts"
                  />
                  <Figure
                    label={t('messaging.campaigns.estimate.maxParts')}
                    value={estimate.max_parts}
                    testId="campaign-estimate-max-parts"
                  />
                </>
              )}
            </SimpleGrid>
            {estimate.sample && (
              <Stack gap={4}>
                <Text size="xs" c="dimmed">
                  {t('messaging.campaigns.estimate.sample')}
                </Text>
                <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-gray-0)">
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="campaign-estimate-sample">
                    {estimate.sample}
                  </Text>
                </Paper>
              </Stack>
            )}
          </Stack>
        )}
        {children}
      </Stack>
    </Card>
  );
}
