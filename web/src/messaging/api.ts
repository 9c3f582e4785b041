// Requests of the messaging module: channel settings, templates, rules, a client's messages and channels.
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, isApiError, type Page } from '../app/api';
import type { Role } from '../identity/types';
import type {
  ChannelName,
  ChannelView,
  ClientChannels,
  ClientMessage,
  MessageKind,
  MessageTemplate,
  MessagingRules,
  MessagingRulesInput,
  TelegramLink,
  TemplateIssue,
  TemplateLanguage,
  TemplatePreview,
  TemplateTexts,
} from './types';

export const messagingKeys = {
  channels: ['settings', 'channels'] as const,
  templates: ['message-templates'] as const,
  variables: (kind: MessageKind) => ['message-templates', 'variables', kind] as const,
  preview: (kind: MessageKind, channel: ChannelName, language: TemplateLanguage, texts: TemplateTexts) =>
    ['message-templates', 'preview', kind, channel, language, texts] as const,
  rules: ['settings', 'messaging'] as const,
  clientMessages: (clientId: number) => ['clients', 'messages', clientId] as const,
  clientChannels: (clientId: number) => ['clients', 'channels', clientId] as const,
};

/** Channels, templates and rules: owners and managers (the server answers 403 to the rest). */
export function canManageMessaging(role: Role): boolean {
  return role === 'owner' || role === 'manager';
}

// --- Channels ---------------------------------------------------------------

export const listChannels = (signal?: AbortSignal) =>
  api.get<{ items: ChannelView[] }>('/api/v1/settings/channels', { signal }).then((r) => r.items ?? []);

export const putChannel = (channel: ChannelName, body: Record<string, unknown>) =>
  api.put<ChannelView>(`/api/v1/settings/channels/${channel}`, body);

// --- Templates --------------------------------------------------------------

export const listTemplates = (signal?: AbortSignal) =>
  api.get<{ items: MessageTemplate[] }>('/api/v1/message-templates', { signal }).then((r) => r.items ?? []);

/** The names a kind offers; the server answers {items: [{name}]} (older drafts: {variables: [...]}). */
export async function listVariables(kind: MessageKind, signal?: AbortSignal): Promise<string[]> {
  const r = await api.get<{ items?: { name: string }[]; variables?: (string | { name: string })[] }>(
    `/api/v1/message-templates/variables?kind=${encodeURIComponent(kind)}`,
    { signal },
  );
  const list = r.items ?? r.variables ?? [];
  return list.map((v) => (typeof v === 'string' ? v : v.name)).filter(Boolean);
}

const templatePath = (kind: MessageKind, channel: ChannelName, language: TemplateLanguage) =>
  `/api/v1/message-templates/${kind}/${channel}/${language}`;

/** Subject and HTML travel for email only. */
function textsBody(channel: ChannelName, texts: TemplateTexts) {
  return channel === 'email' ? { subject: texts.subject, body: texts.body, html: texts.html } : { body: texts.body };
}

export const saveTemplate = (kind: MessageKind, channel: ChannelName, language: TemplateLanguage, texts: TemplateTexts) =>
  api.put<MessageTemplate>(templatePath(kind, channel, language), textsBody(channel, texts));

export const resetTemplate = (kind: MessageKind, channel: ChannelName, language: TemplateLanguage) =>
  api.delete<MessageTemplate>(templatePath(kind, channel, language));

export const previewTemplate = (
  kind: MessageKind,
  channel: ChannelName,
  language: TemplateLanguage,
  texts: TemplateTexts,
  signal?: AbortSignal,
) =>
  api.post<TemplatePreview>(
    '/api/v1/message-templates/preview',
    { kind, channel, language, ...textsBody(channel, texts) },
    { signal },
  );

/** The "issues" of a 422 about a template (which names, where). */
export function templateIssuesOf(error: unknown): TemplateIssue[] {
  if (!isApiError(error)) return [];
  const issues = error.problem.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (i): i is TemplateIssue => !!i && typeof i === 'object' && typeof (i as TemplateIssue).code === 'string',
  );
}

// --- Rules ------------------------------------------------------------------

export const getMessagingRules = (signal?: AbortSignal) =>
  api.get<MessagingRules>('/api/v1/settings/messaging', { signal });

export const putMessagingRules = (body: MessagingRulesInput) =>
  api.put<MessagingRules>('/api/v1/settings/messaging', body);

// --- A client's messages and channels ----------------------------------------

export const CLIENT_MESSAGES_PAGE_SIZE = 50;

export function getClientMessages(clientId: number, cursor: string | null, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: String(CLIENT_MESSAGES_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return api.get<Page<ClientMessage>>(`/api/v1/clients/${clientId}/messages?${params}`, { signal });
}

/** Newest first, a page at a time. */
export function useClientMessages(clientId: number) {
  return useInfiniteQuery({
    queryKey: messagingKeys.clientMessages(clientId),
    queryFn: ({ pageParam, signal }) => getClientMessages(clientId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export const getClientChannels = (clientId: number, signal?: AbortSignal) =>
  api.get<ClientChannels>(`/api/v1/clients/${clientId}/channels`, { signal });

export const putClientChannels = (clientId: number, channelOrder: ChannelName[]) =>
  api.put<ClientChannels>(`/api/v1/clients/${clientId}/channels`, { channel_order: channelOrder });

export const createTelegramLink = (clientId: number) =>
  api.post<TelegramLink>(`/api/v1/clients/${clientId}/telegram-link`);
