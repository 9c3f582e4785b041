import { Button, Card, Group, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowLeft, IconPlus, IconSpeakerphone } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { CampaignEditor } from './CampaignEditor';
import { CampaignReport } from './CampaignReport';
import { CampaignStatusBadge, formatInstant, useSalonZone } from './CampaignParts';
import { campaignKeys, getCampaign, useCampaigns, type Campaign } from './campaigns';
import { ChannelIcon } from './ChannelIcon';
import { LoadFailed } from './FormParts';

/** Settings > Messages > Campaigns: the list, a new draft (?campaign=new) or one campaign (?campaign=<id>). */
export function CampaignsPanel() {
  const [params, setParams] = useSearchParams();
  const open = params.get('campaign');
  const go = (value: string | null, replace = false) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set('campaign', value);
        else next.delete('campaign');
        return next;
      },
      { replace },
    );
  const back = () => go(null);
  const linkTo = (value: string) => {
    const next = new URLSearchParams(params);
    next.set('campaign', value);
    return `?${next}`;
  };

  if (open === 'new') {
    return (
      <Stack gap="md" data-testid="campaigns-panel">
        <BackButton onClick={back} />
        <CampaignEditor campaign={null} onCreated={(c) => go(String(c.id), true)} />
      </Stack>
    );
  }
  const id = Number(open);
  if (open && Number.isInteger(id) && id > 0) {
    return (
      <Stack gap="md" data-testid="campaigns-panel">
        <BackButton onClick={back} />
        <CampaignPage id={id} />
      </Stack>
    );
  }
  return (
    <Stack gap="md" data-testid="campaigns-panel">
      <CampaignList linkTo={(c) => linkTo(String(c))} onNew={() => go('new')} />
    </Stack>
  );
}

function BackButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Group>
      <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onClick} data-testid="campaign-back" px="xs">
        {t('messaging.campaigns.back')}
      </Button>
    </Group>
  );
}

/** One campaign: its editor while a draft, else what it did. */
function CampaignPage({ id }: { id: number }) {
  const campaign = useQuery({ queryKey: campaignKeys.one(id), queryFn: ({ signal }) => getCampaign(id, signal) });
  if (campaign.isPending) return <Skeleton h={420} radius="lg" />;
  if (campaign.isError) {
    return <LoadFailed error={campaign.error} onRetry={() => void campaign.refetch()} testId="campaign-error" gap="sm" />;
  }
  return campaign.data.status === 'draft' ? (
    <CampaignEditor key={id} campaign={campaign.data} />
  ) : (
    <CampaignReport campaign={campaign.data} onRefresh={() => void campaign.refetch()} refreshing={campaign.isFetching} />
  );
}

function CampaignList({ linkTo, onNew }: { linkTo: (id: number) => string; onNew: () => void }) {
  const { t } = useTranslation();
  const campaigns = useCampaigns();
  const items = campaigns.data?.pages.flatMap((p) => p.items ?? []) ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2} maw={640}>
          <Title order={3} fz="lg">
            {t('messaging.campaigns.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('messaging.campaigns.hint')}
          </Text>
        </Stack>
        <Button leftSection={<IconPlus size={16} />} onClick={onNew} data-testid="campaigns-new">
          {t('messaging.campaigns.new')}
        </Button>
      </Group>
      {campaigns.isPending ? (
        <Stack gap="sm">
          <Skeleton h={72} radius="md" />
          <Skeleton h={72} radius="md" />
        </Stack>
      ) : campaigns.isError ? (
        <LoadFailed error={campaigns.error} onRetry={() => void campaigns.refetch()} testId="campaigns-error" gap="sm" />
      ) : items.length === 0 ? (
        <Card p="xl" data-testid="campaigns-empty">
          <Stack align="center" gap="xs" ta="center">
            <ThemeIcon size={56} radius={28} variant="light">
              <IconSpeakerphone size={28} stroke={1.5} />
            </ThemeIcon>
            <Text c="dimmed">{t('messaging.campaigns.empty')}</Text>
          </Stack>
        </Card>
      ) : (
        <Stack gap="xs" data-testid="campaigns-list">
          {items.map((c) => (
            <CampaignRow key={c.id} campaign={c} to={linkTo(c.id)} />
          ))}
          {campaigns.hasNextPage && (
            <Group justify="center">
              <Button
                variant="light"
                loading={campaigns.isFetchingNextPage}
                onClick={() => void campaigns.fetchNextPage()}
                data-testid="campaigns-more"
              >
                {t('messaging.campaigns.loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}

/** When a campaign went, goes, was edited or cancelled. */
function whenOf(c: Campaign): string {
  if (c.status === 'draft' || c.status === 'cancelled') return c.updated_at;
  return c.send_at ?? c.updated_at;
}

function CampaignRow({ campaign: c, to }: { campaign: Campaign; to: string }) {
  const { t, i18n } = useTranslation();
  const zone = useSalonZone();
  // The list has no results: a sent or scheduled campaign's come with it (shared with its page).
  const view = useQuery({
    queryKey: campaignKeys.one(c.id),
    queryFn: ({ signal }) => getCampaign(c.id, signal),
    enabled: c.status !== 'draft',
    staleTime: 30_000,
  });
  const results = view.data?.results;
  return (
    <Card
      component={Link}
      to={to}
      p="sm"
      withBorder
      data-testid={`campaign-row-${c.id}`}
      style={{ color: 'inherit', textDecoration: 'none' }}
    >
      <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
        <Stack gap={2} miw={0} style={{ flex: '1 1 240px' }}>
          <Text fw={600} truncate>
            {c.name}
          </Text>
          <Group gap={6} c="dimmed" wrap="nowrap">
            <ChannelIcon channel={c.channel} size={14} />
            <Text size="xs">
              {t(`messaging.channelNames.${c.channel}`)} ·{' '}
              {t(`messaging.campaigns.when.${c.status}`, { when: formatInstant(whenOf(c), i18n.language, zone) })}
            </Text>
          </Group>
          {results && (
            <Text size="xs" data-testid={`campaign-row-results-${c.id}`}>
              {t('messaging.campaigns.rowResults', {
                sent: results.sent,
                failed: results.failed,
                pending: results.pending,
                bookings: results.bookings,
              })}
            </Text>
          )}
        </Stack>
        <CampaignStatusBadge status={c.status} testId={`campaign-row-status-${c.id}`} />
      </Group>
    </Card>
  );
}
