// Campaigns: types of the API, the requests, and the pure helpers of the editor (the form's values
// and the campaign's audience as the client list's filters).
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, isApiError, type FieldError, type Page } from '../app/api';
import type { ChannelName } from './types';

export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'sent', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** Who gets it: the client list's filters as query pairs ("segment_id": "5", "tag_ids": "1,2"); none: everyone. */
export type Audience = Record<string, string>;

export interface CampaignResults {
  pending: number;
  sent: number;
  /** Of the sent: delivered (or seen) as the provider reported. */
  delivered: number;
  failed: number;
  voided: number;
  /** Appointments its recipients booked within `days` after it went. */
  bookings: number;
  days: number;
}

export interface Campaign {
  id: number;
  name: string;
  channel: ChannelName;
  audience: Audience;
  subject: string;
  body: string;
  per_minute: number;
  status: CampaignStatus;
  send_at: string | null;
  /** Once sent: the messages written. */
  recipients: number;
  /** Once sent: the SMS parts of all its messages. */
  sms_parts: number;
  created_at: string;
  updated_at: string;
}

/** One campaign as GET /campaigns/{id} shows it: with its results once sent or scheduled. */
export interface CampaignView extends Campaign {
  results?: CampaignResults | null;
}

export interface CampaignInput {
  name: string;
  channel: ChannelName;
  audience: Audience;
  subject: string;
  body: string;
  per_minute: number;
}

export interface CampaignEstimate {
  /** Clients matching the audience. */
  clients: number;
  /** Who will get it: consent and an address on the channel. */
  recipients: number;
  without_consent: number;
  /** No phone, chat or email for the channel. */
  unreachable: number;
  /** SMS: all parts of all messages. */
  sms_parts: number;
  /** SMS: the parts of the longest message. */
  max_parts: number;
  /** The text for the first recipient. */
  sample: string;
}

export const CAMPAIGNS_PAGE_SIZE = 20;
export const MAX_PER_MINUTE = 6000;
export const DEFAULT_PER_MINUTE = 600;
/** The days after sending in which the recipients' bookings are counted. */
export const RESULT_DAYS = 14;

// --- Requests -----------------------------------------------------------------

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: ['campaigns', 'list'] as const,
  one: (id: number) => ['campaigns', 'one', id] as const,
};

export function listCampaigns(cursor: string | null, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: String(CAMPAIGNS_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return api.get<Page<Campaign>>(`/api/v1/campaigns?${params}`, { signal });
}

/** Newest first, a page at a time. */
export function useCampaigns() {
  return useInfiniteQuery({
    queryKey: campaignKeys.list,
    queryFn: ({ pageParam, signal }) => listCampaigns(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export const getCampaign = (id: number, signal?: AbortSignal) =>
  api.get<CampaignView>(`/api/v1/campaigns/${id}?days=${RESULT_DAYS}`, { signal });

export const createCampaign = (input: CampaignInput) => api.post<CampaignView>('/api/v1/campaigns', input);

export const updateCampaign = (id: number, input: CampaignInput) =>
  api.patch<CampaignView>(`/api/v1/campaigns/${id}`, input);

export const estimateCampaign = (id: number) => api.post<CampaignEstimate>(`/api/v1/campaigns/${id}/estimate`);

/** Now without `sendAt`; else at that instant (RFC 3339). */
export const sendCampaign = (id: number, sendAt?: string) =>
  api.post<CampaignView>(`/api/v1/campaigns/${id}/send`, sendAt ? { send_at: sendAt } : {});

export const cancelCampaign = (id: number) => api.post<CampaignView>(`/api/v1/campaigns/${id}/cancel`);

/** A 409: the campaign is no longer a draft (sent, scheduled or cancelled meanwhile). */
export const isNotDraft = (error: unknown) => isApiError(error) && error.status === 409;

// --- The form -----------------------------------------------------------------

export type AudienceMode = 'all' | 'segment' | 'tags' | 'filter';

/** The editor's values. */
export interface CampaignDraft {
  name: string;
  channel: ChannelName;
  mode: AudienceMode;
  segmentId: number | null;
  tagIds: number[];
  /** Filters the editor has no input for (set through the API): kept as they are in mode "filter". */
  filter: Audience;
  subject: string;
  body: string;
  perMinute: number;
}

export const FORM_FIELDS = ['name', 'channel', 'audience', 'subject', 'body', 'per_minute'] as const;

export function emptyDraft(): CampaignDraft {
  return {
    name: '',
    channel: 'sms',
    mode: 'all',
    segmentId: null,
    tagIds: [],
    filter: {},
    subject: '',
    body: '',
    perMinute: DEFAULT_PER_MINUTE,
  };
}

const positiveIds = (text: string) =>
  text
    .split(',')
    .map((x) => Number(x.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);

/** How the editor shows an audience: everyone, one saved segment, tags, or other filters. */
export function audienceMode(audience: Audience): AudienceMode {
  const keys = Object.keys(audience).filter((k) => audience[k] !== '');
  if (keys.length === 0) return 'all';
  if (keys.length === 1 && keys[0] === 'segment_id' && positiveIds(audience.segment_id).length === 1) return 'segment';
  if (keys.length === 1 && keys[0] === 'tag_ids' && positiveIds(audience.tag_ids).length > 0) return 'tags';
  return 'filter';
}

export function draftOf(c: Campaign): CampaignDraft {
  const audience = c.audience ?? {};
  const mode = audienceMode(audience);
  return {
    name: c.name,
    channel: c.channel,
    mode,
    segmentId: mode === 'segment' ? positiveIds(audience.segment_id)[0] : null,
    tagIds: mode === 'tags' ? positiveIds(audience.tag_ids) : [],
    filter: mode === 'filter' ? { ...audience } : {},
    subject: c.subject ?? '',
    body: c.body ?? '',
    perMinute: c.per_minute,
  };
}

/** The audience the draft stands for (null: a segment or tags are still to be chosen). */
export function audienceOf(d: CampaignDraft): Audience | null {
  switch (d.mode) {
    case 'all':
      return {};
    case 'segment':
      return d.segmentId ? { segment_id: String(d.segmentId) } : null;
    case 'tags':
      return d.tagIds.length > 0 ? { tag_ids: [...d.tagIds].sort((a, b) => a - b).join(',') } : null;
    case 'filter':
      return { ...d.filter };
  }
}

/** The request body; the subject travels for email only. */
export function inputOf(d: CampaignDraft): CampaignInput {
  return {
    name: d.name.trim(),
    channel: d.channel,
    audience: audienceOf(d) ?? {},
    subject: d.channel === 'email' ? d.subject : '',
    body: d.body,
    per_minute: d.perMinute,
  };
}

const draftKey = (d: CampaignDraft) => JSON.stringify({ ...inputOf(d), audience: audienceOf(d), mode: d.mode });

export const sameDraft = (a: CampaignDraft, b: CampaignDraft) => draftKey(a) === draftKey(b);

/**
 * The field errors of a refused save, keyed by the editor's fields: the audience's own
 * (`audience.tag_ids`, `segment_id` of the client list) go under the audience.
 */
export function campaignFieldErrors(errors: readonly FieldError[]): { field: string; error: FieldError }[] {
  return errors.map((error) => {
    const f = error.field;
    const audience = f === 'audience' || f.startsWith('audience.') || f === 'segment_id' || f === 'tag_ids';
    return { field: audience ? 'audience' : f, error };
  });
}
