// The client's visit history: appointments page by page (newest first), the
// masters' names and how a visit is placed in time (branch time zone).
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../app/api';
import type { Branch } from '../identity/types';
import { journalKeys } from '../journal/api';
import { isClosed } from '../journal/status';
import type { Appointment } from '../journal/types';
import { listStaffIncluding, staffKeys } from '../staff/api';
import { branchZone } from '../staff/lookups';
import { dateInZone } from '../staff/zoned';

export const VISITS_PAGE_SIZE = 20;

/** Under the journal's client-history key, so any booking change refreshes it. */
export const visitHistoryKey = (clientId: number) => [...journalKeys.clientHistory(clientId), 'pages'] as const;

export function getClientVisits(clientId: number, cursor: string | null, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: String(VISITS_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return api.get<Page<Appointment>>(`/api/v1/clients/${clientId}/appointments?${params}`, { signal });
}

export function useClientVisits(clientId: number) {
  return useInfiniteQuery({
    queryKey: visitHistoryKey(clientId),
    queryFn: ({ pageParam, signal }) => getClientVisits(clientId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** Names of all masters, archived included (old visits may name them). */
export function useStaffNames(): Map<number, string> {
  const staff = useQuery({
    queryKey: staffKeys.list(true),
    queryFn: ({ signal }) => listStaffIncluding(true, signal),
    staleTime: 60_000,
  });
  return new Map((staff.data ?? []).map((s) => [s.id, s.name]));
}

/** Still ahead: starts later than now and is neither done nor cancelled. */
export function isUpcoming(a: Pick<Appointment, 'start' | 'status'>, now = Date.now()): boolean {
  return Date.parse(a.start) > now && !isClosed(a.status);
}

/** The branch of the appointment among the session's (for its zone and currency). */
export function visitBranch(branches: readonly Branch[], branchId: number): { timeZone: string; currency?: string } {
  const branch = branches.find((b) => b.id === branchId);
  return { timeZone: branchZone(branches, branchId), currency: branch?.currency || undefined };
}

/** The journal on the visit's day in its branch. */
export function journalLink(a: Pick<Appointment, 'start' | 'branch_id'>, timeZone: string): string {
  const params = new URLSearchParams({ date: dateInZone(a.start, timeZone), branch: String(a.branch_id) });
  return `/journal?${params}`;
}

/** "Mon, 23 November 2026" of an instant in the zone. */
export function visitDate(instant: string, timeZone: string, locale: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(d);
}
