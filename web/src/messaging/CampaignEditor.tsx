import { Alert, Button, Card, Grid, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCalendarTime, IconSend } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { fieldErrorText } from '../app/problems';
import { currentLanguage } from '../i18n';
import { listChannels, listVariables, messagingKeys, previewTemplate, templateIssuesOf } from './api';
import { CampaignAudienceInput } from './CampaignAudienceInput';
import { CampaignEstimatePanel } from './CampaignEstimatePanel';
import { CampaignStatusBadge, formatInstant, useSalonZone } from './CampaignParts';
import {
  audienceOf,
  campaignFieldErrors,
  campaignKeys,
  createCampaign,
  draftOf,
  emptyDraft,
  estimateCampaign,
  FORM_FIELDS,
  inputOf,
  isNotDraft,
  MAX_PER_MINUTE,
  sameDraft,
  updateCampaign,
  type CampaignDraft,
  type CampaignView,
} from './campaigns';
import { CampaignSendModal, type SendMode } from './CampaignSendModal';
import { ChannelPicker, FormActions, insertAtCaret, LabeledControl, WholeNumberInput } from './FormParts';
import { PREVIEW_DELAY } from './TemplateForm';
import { TemplateIssueList } from './TemplateIssueList';
import { TemplatePreviewPanel } from './TemplatePreviewPanel';
import { indexOfPosition, unknownVariables } from './templates';
import type { TemplateTexts } from './types';
import { VariablesList } from './VariablesList';

type TextField = 'subject' | 'body';

interface Props {
  /** null: a new campaign, not saved yet. */
  campaign: CampaignView | null;
  onCreated?: (campaign: CampaignView) => void;
}

/** A draft campaign: its text, channel and audience, the estimate, and sending it now or later. */
export function CampaignEditor({ campaign, onCreated }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const zone = useSalonZone();
  const [draft, setDraft] = useState<CampaignDraft>(() => (campaign ? draftOf(campaign) : emptyDraft()));
  const [audienceError, setAudienceError] = useState<string | null>(null);
  const [sendMode, setSendMode] = useState<SendMode | null>(null);
  const [estimatedFor, setEstimatedFor] = useState<string | null>(null);
  const inputs = { subject: useRef<HTMLInputElement>(null), body: useRef<HTMLTextAreaElement>(null) };
  const lastField = useRef<TextField>('body');
  const email = draft.channel === 'email';
  const dirty = !sameDraft(draft, campaign ? draftOf(campaign) : emptyDraft());
  const inputKey = JSON.stringify(inputOf(draft));

  const variables = useQuery({
    queryKey: messagingKeys.variables('campaign'),
    queryFn: ({ signal }) => listVariables('campaign', signal),
    staleTime: Infinity,
  });
  const channels = useQuery({ queryKey: messagingKeys.channels, queryFn: ({ signal }) => listChannels(signal), staleTime: 60_000 });
  const channelView = channels.data?.find((c) => c.channel === draft.channel);
  const channelOff = !!channelView && !(channelView.enabled && channelView.configured);

  // The live preview follows the text like the template editor's.
  const texts = useMemo<TemplateTexts>(
    () => ({ subject: email ? draft.subject : '', body: draft.body, html: '' }),
    [email, draft.subject, draft.body],
  );
  const [debounced] = useDebouncedValue(texts, PREVIEW_DELAY);
  const language = currentLanguage();
  const preview = useQuery({
    queryKey: messagingKeys.preview('campaign', draft.channel, language, debounced),
    queryFn: ({ signal }) => previewTemplate('campaign', draft.channel, language, debounced, signal),
    enabled: debounced.body.trim() !== '',
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 60_000,
  });
  const shownFields: TextField[] = email ? ['subject', 'body'] : ['body'];
  const warnings = shownFields.flatMap((f) => unknownVariables(f, debounced[f], variables.data ?? []));

  const conflict = () => {
    notifications.show({ color: 'orange', message: t('messaging.campaigns.notDraft') });
    if (campaign) void queryClient.invalidateQueries({ queryKey: campaignKeys.one(campaign.id) });
    void queryClient.invalidateQueries({ queryKey: campaignKeys.list });
  };

  const save = useMutation({
    mutationFn: (d: CampaignDraft) => (campaign ? updateCampaign(campaign.id, inputOf(d)) : createCampaign(inputOf(d))),
    onSuccess: (saved) => {
      queryClient.setQueryData(campaignKeys.one(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: campaignKeys.list });
      if (campaign) {
        setDraft(draftOf(saved));
        notifications.show({ color: 'teal', message: t('messaging.campaigns.saved') });
      } else {
        notifications.show({ color: 'teal', message: t('messaging.campaigns.created') });
        onCreated?.(saved);
      }
    },
    onError: (error) => {
      if (isNotDraft(error)) conflict();
    },
  });
  const estimate = useMutation({ mutationFn: (id: number) => estimateCampaign(id) });

  // A segment or tags must be chosen: an empty choice would reach every client.
  const audienceReady = (): boolean => {
    if (audienceOf(draft) !== null) return true;
    setAudienceError(
      draft.mode === 'segment' ? t('messaging.campaigns.audience.segmentRequired') : t('messaging.campaigns.audience.tagsRequired'),
    );
    return false;
  };

  /** Saves the draft when it changed; false when it could not be saved. */
  const saveIfNeeded = async (): Promise<boolean> => {
    if (!audienceReady()) return false;
    if (campaign && !dirty) return true;
    try {
      await save.mutateAsync(draft);
      return true;
    } catch {
      return false;
    }
  };

  const runEstimate = async () => {
    if (!campaign || !(await saveIfNeeded())) return;
    setEstimatedFor(inputKey);
    estimate.mutate(campaign.id);
  };

  const openSend = async (mode: SendMode) => {
    if (!campaign || !(await saveIfNeeded())) return;
    // The confirmation shows a fresh count of the saved draft.
    setEstimatedFor(inputKey);
    estimate.mutate(campaign.id);
    setSendMode(mode);
  };

  const sent = (view: CampaignView) => {
    setSendMode(null);
    notifications.show({
      color: 'teal',
      message:
        view.status === 'scheduled' && view.send_at
          ? t('messaging.campaigns.send.scheduled', { when: formatInstant(view.send_at, i18n.language, zone) })
          : t('messaging.campaigns.send.sent'),
    });
    queryClient.setQueryData(campaignKeys.one(view.id), view);
    void queryClient.invalidateQueries({ queryKey: campaignKeys.list });
  };

  const change = (next: Partial<CampaignDraft>) => {
    if (save.isError) save.reset();
    if ('mode' in next || 'segmentId' in next || 'tagIds' in next) setAudienceError(null);
    setDraft((d) => ({ ...d, ...next }));
  };

  const insert = (name: string) => {
    const field: TextField = email ? lastField.current : 'body';
    insertAtCaret(inputs[field].current, draft[field], name, (text) => change({ [field]: text }));
  };

  const jump = (field: string, position: number) => {
    if (field !== 'subject' && field !== 'body') return;
    const el = inputs[field].current;
    if (!el) return;
    const from = indexOfPosition(draft[field], position);
    el.focus();
    el.setSelectionRange(from, from);
  };
  const track = (field: TextField) => () => {
    lastField.current = field;
  };

  // The refused fields under their inputs; the rest in the alert.
  const fieldErrors: Record<string, string> = {};
  const other: string[] = [];
  const notDraft = isNotDraft(save.error);
  if (isApiError(save.error) && !notDraft) {
    for (const { field, error } of campaignFieldErrors(save.error.fieldErrors)) {
      const text = fieldErrorText(t, error);
      const shown = (FORM_FIELDS as readonly string[]).includes(field) && (field !== 'subject' || email);
      if (!shown) other.push(`${error.field}: ${text}`);
      else if (!(field in fieldErrors)) fieldErrors[field] = text;
    }
  }
  const saveIssues = templateIssuesOf(save.error);

  return (
    <Grid gutter="md" align="flex-start">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Card p={{ base: 'sm', sm: 'lg' }} data-testid="campaign-form">
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void saveIfNeeded();
            }}
          >
            <Stack gap="md">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Title order={3} fz="lg" style={{ wordBreak: 'break-word' }}>
                  {campaign ? campaign.name : t('messaging.campaigns.newTitle')}
                </Title>
                <CampaignStatusBadge status="draft" testId="campaign-status" />
              </Group>
              {notDraft ? (
                <Alert color="orange" variant="light" data-testid="campaign-conflict">
                  {t('messaging.campaigns.notDraft')}
                </Alert>
              ) : save.error ? (
                <ProblemAlert error={save.error} extra={other} testId="campaign-save-error" />
              ) : null}
              {saveIssues.length > 0 && (
                <TemplateIssueList issues={saveIssues} texts={texts} onJump={jump} testId="campaign-save-issues" />
              )}
              <TextInput
                label={t('messaging.campaigns.fields.name')}
                placeholder={t('messaging.campaigns.fields.namePlaceholder')}
                value={draft.name}
                onChange={(e) => change({ name: e.currentTarget.value })}
                error={fieldErrors.name}
                required
                maxLength={120}
                data-testid="campaign-name"
              />
              <LabeledControl label={t('messaging.campaigns.fields.channel')}>
                <ChannelPicker
                  value={draft.channel}
                  onChange={(channel) => change({ channel })}
                  w="fit-content"
                  maw="100%"
                  data-testid="campaign-channel"
                />
                {fieldErrors.channel && (
                  <Text size="xs" c="red" data-testid="campaign-channel-error">
                    {fieldErrors.channel}
                  </Text>
                )}
                {channelOff && (
                  <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} p="xs" data-testid="campaign-channel-off">
                    <Text size="sm">{t('messaging.campaigns.channelOff')}</Text>
                  </Alert>
                )}
              </LabeledControl>
              <CampaignAudienceInput draft={draft} onChange={change} error={audienceError ?? fieldErrors.audience} />
              {email && (
                <TextInput
                  ref={inputs.subject}
                  label={t('messaging.campaigns.fields.subject')}
                  value={draft.subject}
                  onChange={(e) => change({ subject: e.currentTarget.value })}
                  onFocus={track('subject')}
                  onSelect={track('subject')}
                  error={fieldErrors.subject}
                  required
                  data-testid="campaign-subject"
                />
              )}
              <Textarea
                ref={inputs.body}
                label={t('messaging.campaigns.fields.body')}
                description={t('messaging.templates.optOutHint')}
                value={draft.body}
                onChange={(e) => change({ body: e.currentTarget.value })}
                onFocus={track('body')}
                onSelect={track('body')}
                error={fieldErrors.body}
                required
                autosize
                minRows={5}
                maxRows={16}
                data-testid="campaign-body"
              />
              <VariablesList variables={variables.data ?? []} loading={variables.isPending} error={variables.error} onInsert={insert} />
              <WholeNumberInput
                label={t('messaging.campaigns.fields.perMinute')}
                description={t('messaging.campaigns.fields.perMinuteHint', { max: MAX_PER_MINUTE })}
                value={draft.perMinute}
                onChange={(v) => change({ perMinute: typeof v === 'number' ? v : Number(v) || 0 })}
                min={1}
                max={MAX_PER_MINUTE}
                step={60}
                error={fieldErrors.per_minute}
                maw={220}
                data-testid="campaign-per-minute"
              />
              <FormActions
                canDiscard={!!campaign && dirty}
                onDiscard={() => {
                  if (campaign) setDraft(draftOf(campaign));
                  setAudienceError(null);
                  save.reset();
                }}
                saving={save.isPending}
                saveDisabled={!!campaign && !dirty}
                saveLabel={campaign ? t('messaging.campaigns.save') : t('messaging.campaigns.create')}
                testId="campaign"
              />
            </Stack>
          </form>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="md">
          {campaign ? (
            <CampaignEstimatePanel
              channel={campaign.channel}
              estimate={estimate.data}
              pending={estimate.isPending}
              error={sendMode ? null : estimate.error}
              stale={!!estimate.data && (dirty || estimatedFor !== inputKey)}
              onRefresh={() => void runEstimate()}
            >
              <Group gap="xs" justify="flex-end" wrap="wrap">
                <Button
                  variant="default"
                  leftSection={<IconCalendarTime size={16} />}
                  onClick={() => void openSend('schedule')}
                  disabled={save.isPending}
                  data-testid="campaign-schedule"
                >
                  {t('messaging.campaigns.send.schedule')}
                </Button>
                <Button
                  leftSection={<IconSend size={16} />}
                  onClick={() => void openSend('now')}
                  disabled={save.isPending}
                  data-testid="campaign-send-now"
                >
                  {t('messaging.campaigns.send.now')}
                </Button>
              </Group>
            </CampaignEstimatePanel>
          ) : (
            <Card p={{ base: 'sm', sm: 'lg' }} data-testid="campaign-save-first">
              <Text size="sm" c="dimmed">
                {t('messaging.campaigns.saveFirst')}
              </Text>
            </Card>
          )}
          <TemplatePreviewPanel
            channel={draft.channel}
            preview={preview.data}
            empty={debounced.body.trim() === ''}
            error={preview.error}
            fetching={preview.isFetching}
            texts={debounced}
            warnings={warnings}
            onJump={jump}
          />
        </Stack>
      </Grid.Col>
      {campaign && sendMode && (
        <CampaignSendModal
          campaign={campaign}
          mode={sendMode}
          estimate={estimate.data}
          estimating={estimate.isPending}
          estimateError={estimate.error}
          zone={zone}
          onClose={() => setSendMode(null)}
          onSent={sent}
          onConflict={conflict}
        />
      )}
    </Grid>
  );
}
