// Requests of the feedback module: what clients answered after their visits (owners and managers).
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../app/api';
import type { Role } from '../identity/types';

export interface FeedbackItem {
  id: number;
  appointment_id: number;
  client: { id: number; name: string };
  branch: { id: number; name: string };
  staff: { id: number; name: string }[];
  rating: number;
  nps: number | null;
  comment: string;
  /** 3 stars or fewer, or an NPS of 6 or less: the salon got a task for it. */
  low: boolean;
  visit_start: string;
  created_at: string;
  updated_at: string;
}

export interface FeedbackSummary {
  count: number;
  average: number | null;
  by_rating: Record<'1' | '2' | '3' | '4' | '5', number>;
  nps: { count: number; promoters: number; passives: number; detractors: number; score: number | null };
}

export interface FeedbackPage {
  items: FeedbackItem[];
  next_cursor: string | null;
  summary: FeedbackSummary;
}

export interface FeedbackFilter {
  branch_id?: number;
  staff_id?: number;
  max_rating?: number;
}

/** Owners and managers read the answers (the server answers 403 to the rest). */
export function canSeeFeedback(role: Role): boolean {
  return role === 'owner' || role === 'manager';
}

export const feedbackKeys = {
  all: ['feedback'] as const,
  list: (filter: FeedbackFilter) => ['feedback', 'list', filter] as const,
  client: (clientId: number) => ['feedback', 'client', clientId] as const,
};

/** The query string of a filter and page (empty values left out). */
export function feedbackQuery(filter: FeedbackFilter, cursor: string | null, limit = 30): string {
  const q = new URLSearchParams({ limit: String(limit) });
  if (filter.branch_id) q.set('branch_id', String(filter.branch_id));
  if (filter.staff_id) q.set('staff_id', String(filter.staff_id));
  if (filter.max_rating) q.set('max_rating', String(filter.max_rating));
  if (cursor) q.set('cursor', cursor);
  return q.toString();
}

export const listFeedback = (filter: FeedbackFilter, cursor: string | null, signal?: AbortSignal) =>
  api.get<FeedbackPage>(`/api/v1/feedback?${feedbackQuery(filter, cursor)}`, { signal });

export const listClientFeedback = (clientId: number, cursor: string | null, signal?: AbortSignal) =>
  api.get<FeedbackPage>(`/api/v1/clients/${clientId}/feedback?${feedbackQuery({}, cursor)}`, { signal });

export function useFeedback(filter: FeedbackFilter, enabled = true) {
  return useInfiniteQuery({
    queryKey: feedbackKeys.list(filter),
    enabled,
    // A new filter keeps the list on screen until its answers come.
    placeholderData: keepPreviousData,
    queryFn: ({ pageParam, signal }) => listFeedback(filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useClientFeedback(clientId: number) {
  return useInfiniteQuery({
    queryKey: feedbackKeys.client(clientId),
    queryFn: ({ pageParam, signal }) => listClientFeedback(clientId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}
