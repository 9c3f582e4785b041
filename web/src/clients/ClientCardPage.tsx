import { Alert, Anchor, Avatar, Badge, Button, Card, Group, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import {
  IconArrowLeft,
  IconCalendarStats,
  IconFiles,
  IconStar,
  IconMail,
  IconMessages,
  IconNotes,
  IconPhone,
  IconUser,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ProblemAlert } from '../app/ProblemAlert';
import { NotFoundPage } from '../app/NotFoundPage';
import { isApiError } from '../app/api';
import { useAuthedSession } from '../identity/session';
import { canSeeFeedback } from '../feedback/api';
import { ClientFeedbackTab } from '../feedback/ClientFeedbackTab';
import { ClientMessagesTab } from '../messaging/ClientMessagesTab';
import { clientKeys, filePath, getClient, listTags } from './api';
import { ClientActions } from './ClientActions';
import { FilesTab } from './FilesTab';
import { initials } from './format';
import type { ExistingClient } from './http';
import { NotesTab } from './NotesTab';
import { canEditClients, canEraseClients, canSeeContacts } from './permissions';
import { formatPhone } from './phoneList';
import { ProfileTab } from './ProfileTab';
import { TagBadges } from './TagChips';
import { VisitsTab } from './VisitsTab';

const TABS = ['profile', 'visits', 'files', 'notes', 'messages', 'feedback'] as const;
type Tab = (typeof TABS)[number];

export function ClientCardPage() {
  const { t } = useTranslation();
  const { id: rawId } = useParams();
  const id = Number(rawId);
  const valid = Number.isSafeInteger(id) && id > 0;
  const session = useAuthedSession();
  const role = session.role;
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  // Masters do not see a client's messages (the API answers them 403).
  const showMessages = canSeeContacts(role);
  // Feedback: owners and managers only.
  const showFeedback = canSeeFeedback(role);
  const tab: Tab =
    (TABS as readonly string[]).includes(requested ?? '') &&
    (requested !== 'messages' || showMessages) &&
    (requested !== 'feedback' || showFeedback)
      ? (requested as Tab)
      : 'profile';
  const [mergeWith, setMergeWith] = useState<ExistingClient | null>(null);
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const icon = (Icon: typeof IconUser) => (isPhone ? undefined : <Icon size={16} />);

  const client = useQuery({
    queryKey: clientKeys.detail(id),
    queryFn: ({ signal }) => getClient(id, signal),
    enabled: valid,
  });
  const tags = useQuery({ queryKey: clientKeys.tags, queryFn: ({ signal }) => listTags(signal) });
  useDocumentTitle(`${client.data?.display_name ?? t('pages.clients.title')} · ${t('app.name')}`);

  if (!valid || (isApiError(client.error) && client.error.status === 404)) return <NotFoundPage />;

  const back = (
    <Anchor component={Link} to="/clients" size="sm" c="dimmed" data-testid="client-back">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('clients.card.back')}
      </Group>
    </Anchor>
  );

  if (client.error) {
    return (
      <Stack>
        {back}
        <ProblemAlert error={client.error} />
        <Button variant="light" w="fit-content" onClick={() => void client.refetch()}>
          {t('app.retry')}
        </Button>
      </Stack>
    );
  }
  if (client.isPending) {
    return (
      <Stack data-testid="client-card-loading">
        {back}
        <Skeleton h={90} radius="lg" />
        <Skeleton h={320} radius="lg" />
      </Stack>
    );
  }

  const c = client.data;
  const canEdit = canEditClients(role) && !c.erased;
  const contacts = canSeeContacts(role);
  const currency = session.org.currency || 'UAH';

  return (
    <Stack gap="md" data-testid="client-card">
      {back}
      <Card p={{ base: 'md', sm: 'lg' }}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Group gap="md" wrap="nowrap" miw={0} align="flex-start">
            <Avatar
              size={56}
              radius="xl"
              color="kvitka"
              src={c.photo_file_id ? filePath(c.id, c.photo_file_id) : undefined}
              alt=""
            >
              {initials(c.display_name)}
            </Avatar>
            <Stack gap={4} miw={0}>
              <Group gap="xs" wrap="wrap">
                <Title order={1} fz={{ base: 22, sm: 26 }} data-testid="client-card-name" style={{ wordBreak: 'break-word' }}>
                  {c.display_name}
                </Title>
                {c.archived && (
                  <Badge color="gray" variant="light" data-testid="client-archived">
                    {t('clients.card.archived')}
                  </Badge>
                )}
                {c.erased && (
                  <Badge color="red" variant="light" data-testid="client-erased">
                    {t('clients.card.erased')}
                  </Badge>
                )}
                {c.discount_percent > 0 && (
                  <Badge color="teal" variant="light">
                    {t('clients.card.discount', { percent: c.discount_percent })}
                  </Badge>
                )}
              </Group>
              <Group gap="md" wrap="wrap">
                {contacts &&
                  (c.phones ?? []).map((p) => (
                    <Anchor key={p} href={`tel:${p}`} size="sm" c="dimmed">
                      <Group gap={4} wrap="nowrap">
                        <IconPhone size={14} />
                        {formatPhone(p)}
                      </Group>
                    </Anchor>
                  ))}
                {contacts && c.email && (
                  <Anchor href={`mailto:${c.email}`} size="sm" c="dimmed">
                    <Group gap={4} wrap="nowrap">
                      <IconMail size={14} />
                      {c.email}
                    </Group>
                  </Anchor>
                )}
              </Group>
              <TagBadges tags={c.tags ?? []} />
            </Stack>
          </Group>
          <ClientActions
            client={c}
            canEdit={canEditClients(role) && !c.erased}
            canErase={canEraseClients(role)}
            mergeWith={mergeWith}
            onMergeWithChange={setMergeWith}
          />
        </Group>
      </Card>

      {c.erased && (
        <Alert color="red" variant="light" radius="md" data-testid="client-erased-note">
          <Text size="sm">{t('clients.card.erasedNote')}</Text>
        </Alert>
      )}
      {c.archived && !c.erased && (
        <Alert color="gray" variant="light" radius="md">
          <Text size="sm">{c.merged_into_id ? t('clients.card.mergedNote') : t('clients.card.archivedNote')}</Text>
          {c.merged_into_id && (
            <Anchor component={Link} to={`/clients/${c.merged_into_id}`} size="sm">
              {t('clients.card.openMerged')}
            </Anchor>
          )}
        </Alert>
      )}

      <Tabs
        value={tab}
        onChange={(v) => v && setParams(v === 'profile' ? {} : { tab: v }, { replace: true })}
        keepMounted={false}
        variant="outline"
        radius="md"
        styles={isPhone ? { tab: { paddingInline: 8 } } : undefined}
      >
        <Tabs.List mb="md" grow={!!isPhone} style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          <Tabs.Tab value="profile" leftSection={icon(IconUser)} data-testid="client-tab-profile">
            {t('clients.card.tabs.profile')}
          </Tabs.Tab>
          <Tabs.Tab value="visits" leftSection={icon(IconCalendarStats)} data-testid="client-tab-visits">
            {t('clients.card.tabs.visits')}
          </Tabs.Tab>
          <Tabs.Tab value="files" leftSection={icon(IconFiles)} data-testid="client-tab-files">
            {t('clients.card.tabs.files')}
          </Tabs.Tab>
          <Tabs.Tab value="notes" leftSection={icon(IconNotes)} data-testid="client-tab-notes">
            {t('clients.card.tabs.notes')}
          </Tabs.Tab>
          {showMessages && (
            <Tabs.Tab value="messages" leftSection={icon(IconMessages)} data-testid="client-tab-messages">
              {t('clients.card.tabs.messages')}
            </Tabs.Tab>
          )}
          {showFeedback && (
            <Tabs.Tab value="feedback" leftSection={icon(IconStar)} data-testid="client-tab-feedback">
              {t('clients.card.tabs.feedback')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="profile">
          <ProfileTab client={c} tags={tags.data ?? []} canEdit={canEdit} contacts={contacts} onMerge={setMergeWith} />
        </Tabs.Panel>
        <Tabs.Panel value="visits">
          <VisitsTab client={c} currency={currency} />
        </Tabs.Panel>
        <Tabs.Panel value="files">
          <FilesTab client={c} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="notes">
          <NotesTab client={c} canEdit={canEdit} />
        </Tabs.Panel>
        {showMessages && (
          <Tabs.Panel value="messages">
            <ClientMessagesTab clientId={c.id} />
          </Tabs.Panel>
        )}
        {showFeedback && (
          <Tabs.Panel value="feedback">
            <ClientFeedbackTab clientId={c.id} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
