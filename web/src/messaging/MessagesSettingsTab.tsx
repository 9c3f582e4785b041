import { SegmentedControl, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { CampaignsPanel } from './CampaignsPanel';
import { ChannelsPanel } from './ChannelsPanel';
import { RulesPanel } from './RulesPanel';
import { TemplateEditor } from './TemplateEditor';

const SECTIONS = ['channels', 'templates', 'rules', 'campaigns'] as const;
type Section = (typeof SECTIONS)[number];

/** Settings > Messages: channels, templates, the sending rules and campaigns (owners and managers). */
export function MessagesSettingsTab() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('section');
  const section: Section = (SECTIONS as readonly string[]).includes(requested ?? '') ? (requested as Section) : 'channels';
  return (
    <Stack gap="md" data-testid="messages-settings">
      <SegmentedControl
        value={section}
        onChange={(value) => setParams({ tab: 'messages', section: value }, { replace: true })}
        data={SECTIONS.map((s) => ({ value: s, label: t(`messaging.sections.${s}`) }))}
        w="fit-content"
        maw="100%"
        data-testid="messages-section"
      />
      {section === 'channels' && <ChannelsPanel />}
      {section === 'templates' && <TemplateEditor />}
      {section === 'rules' && <RulesPanel />}
      {section === 'campaigns' && <CampaignsPanel />}
    </Stack>
  );
}
