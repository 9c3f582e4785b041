import { Card, Group, NativeSelect, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { listTemplates, messagingKeys } from './api';
import { ChannelPicker, LabeledControl, LoadFailed } from './FormParts';
import { TemplateForm } from './TemplateForm';
import { templateId } from './templates';
import { KIND_GROUPS, LANGUAGES, type ChannelName, type KindGroup, type MessageKind, type TemplateLanguage } from './types';

/** Settings > Messages > Templates: pick a kind, channel and language, then edit its text. */
export function TemplateEditor() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<MessageKind>('reminder');
  const [channel, setChannel] = useState<ChannelName>('sms');
  const [language, setLanguage] = useState<TemplateLanguage>(currentLanguage());
  const templates = useQuery({ queryKey: messagingKeys.templates, queryFn: ({ signal }) => listTemplates(signal) });

  const custom = new Set(
    (templates.data ?? [])
      .filter((x) => x.custom && x.channel === channel && x.language === language)
      .map((x) => x.kind),
  );
  const kindData = (Object.keys(KIND_GROUPS) as KindGroup[]).map((group) => ({
    group: t(`messaging.kindGroups.${group}`),
    items: KIND_GROUPS[group].map((k) => ({
      value: k,
      label: custom.has(k) ? `${t(`messaging.kinds.${k}`)} · ${t('messaging.templates.customMark')}` : t(`messaging.kinds.${k}`),
    })),
  }));
  const template = templates.data?.find((x) => x.kind === kind && x.channel === channel && x.language === language);

  return (
    <Stack gap="md" data-testid="templates-panel">
      <Card p={{ base: 'sm', sm: 'md' }}>
        <Group gap="md" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('messaging.templates.kind')}
            data={kindData}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as MessageKind)}
            miw={260}
            style={{ flex: '1 1 260px' }}
            data-testid="template-kind"
          />
          <LabeledControl label={t('messaging.templates.channel')}>
            <ChannelPicker value={channel} onChange={setChannel} data-testid="template-channel" />
          </LabeledControl>
          <LabeledControl label={t('messaging.templates.language')}>
            <SegmentedControl
              value={language}
              onChange={(v) => setLanguage(v as TemplateLanguage)}
              data={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
              data-testid="template-language"
            />
          </LabeledControl>
        </Group>
      </Card>
      {templates.error ? (
        <LoadFailed error={templates.error} onRetry={() => void templates.refetch()} testId="templates-error" />
      ) : templates.isPending ? (
        <Skeleton h={420} radius="lg" />
      ) : template ? (
        <TemplateForm key={templateId(template)} template={template} />
      ) : (
        <Text c="dimmed">{t('messaging.templates.missing')}</Text>
      )}
    </Stack>
  );
}
