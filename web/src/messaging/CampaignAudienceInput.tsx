import { Input, NativeSelect, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { clientKeys, listSegments, listTags } from '../clients/api';
import { TagPicker } from '../clients/TagChips';
import type { AudienceMode, CampaignDraft } from './campaigns';

interface Props {
  draft: CampaignDraft;
  onChange: (change: Partial<CampaignDraft>) => void;
  error?: string;
}

/** Who gets a campaign: every client, the clients of a saved segment, or those with tags. */
export function CampaignAudienceInput({ draft, onChange, error }: Props) {
  const { t } = useTranslation();
  const segments = useQuery({
    queryKey: clientKeys.segments,
    queryFn: ({ signal }) => listSegments(signal),
    enabled: draft.mode === 'segment',
  });
  const tags = useQuery({ queryKey: clientKeys.tags, queryFn: ({ signal }) => listTags(signal), enabled: draft.mode === 'tags' });
  const modes: AudienceMode[] = ['all', 'segment', 'tags'];
  // Filters set through the API stay as they are until another choice replaces them.
  if (Object.keys(draft.filter).length > 0) modes.push('filter');

  return (
    <Input.Wrapper label={t('messaging.campaigns.fields.audience')} error={error} data-testid="campaign-audience">
      <Stack gap="xs" mt={4}>
        <SegmentedControl
          value={draft.mode}
          onChange={(v) => onChange({ mode: v as AudienceMode })}
          data={modes.map((m) => ({ value: m, label: t(`messaging.campaigns.audience.${m}`) }))}
          w="fit-content"
          maw="100%"
          data-testid="campaign-audience-mode"
        />
        {draft.mode === 'segment' &&
          (segments.isPending ? (
            <Skeleton h={36} />
          ) : (segments.data ?? []).length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="campaign-segment-none">
              {t('messaging.campaigns.audience.noSegments')}
            </Text>
          ) : (
            <NativeSelect
              aria-label={t('messaging.campaigns.audience.segment')}
              value={draft.segmentId ? String(draft.segmentId) : ''}
              onChange={(e) => onChange({ segmentId: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
              data={[
                { value: '', label: t('messaging.campaigns.audience.chooseSegment') },
                ...(segments.data ?? []).map((s) => ({ value: String(s.id), label: s.name })),
              ]}
              error={!!error}
              maw={360}
              data-testid="campaign-segment"
            />
          ))}
        {draft.mode === 'tags' && (
          <Stack gap={6}>
            <Text size="xs" c="dimmed">
              {t('messaging.campaigns.audience.tagsHint')}
            </Text>
            {tags.isPending ? (
              <Skeleton h={28} />
            ) : (
              <TagPicker tags={tags.data ?? []} value={draft.tagIds} onChange={(ids) => onChange({ tagIds: ids })} testId="campaign-tags" />
            )}
          </Stack>
        )}
        {draft.mode === 'filter' && (
          <Text size="sm" ff="monospace" data-testid="campaign-filter">
            {Object.entries(draft.filter)
              .map(([k, v]) => `${k}=${v}`)
              .join(', ')}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('messaging.campaigns.audience.consentHint')}
        </Text>
      </Stack>
    </Input.Wrapper>
  );
}
