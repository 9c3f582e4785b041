import { Alert, Button, Group, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { fieldErrorText } from '../app/problems';
import { instantToZoned, zonedToInstant } from '../staff/zoned';
import { formatInstant } from './CampaignParts';
import { isNotDraft, sendCampaign, type Campaign, type CampaignEstimate, type CampaignView } from './campaigns';

export type SendMode = 'now' | 'schedule';

interface Props {
  campaign: Campaign;
  mode: SendMode;
  /** A fresh count for this confirmation (pending while counting). */
  estimate: CampaignEstimate | undefined;
  estimating: boolean;
  estimateError: unknown;
  zone: string;
  onClose: () => void;
  onSent: (view: CampaignView) => void;
  /** The campaign is no longer a draft. */
  onConflict: () => void;
}

/** The next whole hour after an hour from now, in the zone, for the time input. */
function defaultTime(zone: string): string {
  const d = new Date(Date.now() + 2 * 3600_000);
  d.setUTCMinutes(0, 0, 0);
  return instantToZoned(d.toISOString(), zone);
}

/** "Send now" or "Schedule": how many clients it reaches and the SMS parts, then the request. */
export function CampaignSendModal({ campaign, mode, estimate, estimating, estimateError, zone, onClose, onSent, onConflict }: Props) {
  const { t, i18n } = useTranslation();
  const [local, setLocal] = useState(() => defaultTime(zone));
  const [localError, setLocalError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (sendAt: string | undefined) => sendCampaign(campaign.id, sendAt),
    onSuccess: onSent,
    onError: (error) => {
      if (isNotDraft(error)) onConflict();
    },
  });

  const serverAtError = isApiError(send.error) ? send.error.fieldErrors.find((e) => e.field === 'send_at') : undefined;
  const atError = localError ?? (serverAtError ? fieldErrorText(t, serverAtError) : undefined);
  const nobody = !!estimate && estimate.recipients === 0;
  const ready = !!estimate && !estimating && !nobody;

  const confirm = () => {
    if (mode === 'now') {
      send.mutate(undefined);
      return;
    }
    const at = zonedToInstant(local, zone);
    if (!at) {
      setLocalError(t('messaging.campaigns.send.atRequired'));
      return;
    }
    send.mutate(at);
  };

  const otherError = send.error && !serverAtError ? send.error : null;
  const scheduledAt = mode === 'schedule' ? zonedToInstant(local, zone) : null;

  return (
    <Modal
      opened
      onClose={onClose}
      title={mode === 'now' ? t('messaging.campaigns.send.nowTitle') : t('messaging.campaigns.send.scheduleTitle')}
      centered
    >
      <Stack gap="md" data-testid="campaign-send-modal">
        <Text size="sm" fw={600}>
          {campaign.name}
        </Text>
        {estimateError ? <ProblemAlert error={estimateError} /> : null}
        {estimating || !estimate ? (
          estimateError ? null : (
            <Group gap="xs" data-testid="campaign-send-counting">
              <Loader size="xs" />
              <Text size="sm">{t('messaging.campaigns.send.counting')}</Text>
            </Group>
          )
        ) : (
          <Stack gap={4}>
            <Text size="sm" data-testid="campaign-send-recipients">
              {t('messaging.campaigns.send.recipients', { recipients: estimate.recipients })}
            </Text>
            {campaign.channel === 'sms' && (
              <Text size="sm" data-testid="campaign-send-parts">
                {t('messaging.campaigns.send.smsParts', { parts: estimate.sms_parts, max: estimate.max_parts })}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t('messaging.campaigns.send.paced', { perMinute: campaign.per_minute })}
            </Text>
          </Stack>
        )}
        {nobody && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="campaign-send-nobody">
            {t('messaging.campaigns.send.nobody')}
          </Alert>
        )}
        {mode === 'schedule' && (
          <TextInput
            type="datetime-local"
            label={t('messaging.campaigns.send.at')}
            description={t('messaging.campaigns.send.atHint', { zone })}
            value={local}
            onChange={(e) => {
              setLocal(e.currentTarget.value);
              setLocalError(null);
              if (send.isError) send.reset();
            }}
            error={atError}
            required
            maw={280}
            data-testid="campaign-send-at"
          />
        )}
        {mode === 'schedule' && scheduledAt && (
          <Text size="xs" c="dimmed" data-testid="campaign-send-when">
            {formatInstant(scheduledAt, i18n.language, zone)}
          </Text>
        )}
        {otherError ? (
          isNotDraft(otherError) ? (
            <Alert color="orange" variant="light" data-testid="campaign-send-conflict">
              {t('messaging.campaigns.notDraft')}
            </Alert>
          ) : (
            <ProblemAlert error={otherError} testId="campaign-send-error" />
          )
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={confirm} loading={send.isPending} disabled={!ready} data-testid="campaign-send-confirm">
            {mode === 'now' ? t('messaging.campaigns.send.confirmNow') : t('messaging.campaigns.send.confirmSchedule')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
