// Small pieces the campaign screens share: the status badge, the audience in words, the salon's
// time zone and instants shown in it.
import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { clientKeys, listSegments, listTags } from '../clients/api';
import { useAuthedSession } from '../identity/session';
import { audienceMode, type Audience, type CampaignStatus } from './campaigns';

const STATUS_COLOR: Record<CampaignStatus, string> = {
  draft: 'gray',
  scheduled: 'blue',
  sent: 'teal',
  cancelled: 'red',
};

export function CampaignStatusBadge({ status, testId }: { status: CampaignStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLOR[status] ?? 'gray'} data-testid={testId}>
      {t(`messaging.campaigns.statuses.${status}`, { defaultValue: status })}
    </Badge>
  );
}

/** The zone the salon's times are typed and shown in: its first branch's. */
export function useSalonZone(): string {
  const session = useAuthedSession();
  return session.branches[0]?.timezone || 'Europe/Kyiv';
}

export function formatInstant(iso: string, language: string, timeZone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d);
}

/** Who gets a campaign, in words: everyone, a segment's name, tag names or the filters. */
export function useAudienceText(audience: Audience): string {
  const { t } = useTranslation();
  const mode = audienceMode(audience);
  const segments = useQuery({
    queryKey: clientKeys.segments,
    queryFn: ({ signal }) => listSegments(signal),
    enabled: mode === 'segment',
    staleTime: 60_000,
  });
  const tags = useQuery({
    queryKey: clientKeys.tags,
    queryFn: ({ signal }) => listTags(signal),
    enabled: mode === 'tags',
    staleTime: 60_000,
  });
  switch (mode) {
    case 'all':
      return t('messaging.campaigns.audience.describeAll');
    case 'segment': {
      const id = Number(audience.segment_id);
      const name = segments.data?.find((s) => s.id === id)?.name ?? `#${id}`;
      return t('messaging.campaigns.audience.describeSegment', { name });
    }
    case 'tags': {
      const ids = audience.tag_ids.split(',').map(Number);
      const names = ids.map((id) => tags.data?.find((x) => x.id === id)?.name ?? `#${id}`).join(', ');
      return t('messaging.campaigns.audience.describeTags', { names });
    }
    default:
      return t('messaging.campaigns.audience.describeFilter', {
        filter: Object.entries(audience)
          .map(([k, v]) => `${k}=${v}`)
          .join(', '),
      });
  }
}
