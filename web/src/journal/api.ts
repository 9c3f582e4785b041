import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api';
import type {
  Appointment,
  AppointmentInput,
  AppointmentPatch,
  GroupEvent,
  GroupEventInput,
  Journal,
  StatusInput,
  Visit,
  WaitlistEntry,
  WaitlistInput,
  WaitlistStatus,
} from './types';

export const journalKeys = {
  all: ['journal'] as const,
  view: (branchId: number, date: string, days: number, cancelled: boolean) =>
    ['journal', { branchId, date, days, cancelled }] as const,
  appointment: (id: number) => ['appointment', id] as const,
  clientHistory: (clientId: number) => ['appointment', 'client', clientId] as const,
  groupEvent: (id: number) => ['group-event', id] as const,
  waitlist: (branchId: number) => ['waitlist', branchId] as const,
  allWaitlist: ['waitlist'] as const,
};

const V1 = '/api/v1';
const items = <T>(r: { items?: T[] } | undefined): T[] => r?.items ?? [];

export function getJournal(branchId: number, date: string, days: number, cancelled: boolean, signal?: AbortSignal) {
  const params = new URLSearchParams({ branch_id: String(branchId), date, days: String(days) });
  if (cancelled) params.set('include_cancelled', 'true');
  return api.get<Journal>(`${V1}/journal?${params}`, { signal });
}

export const getAppointment = (id: number, signal?: AbortSignal) =>
  api.get<Appointment>(`${V1}/appointments/${id}`, { signal });
export const createAppointment = (body: AppointmentInput, idempotencyKey: string) =>
  api.post<Appointment>(`${V1}/appointments`, body, { headers: { 'Idempotency-Key': idempotencyKey } });
export const patchAppointment = (id: number, body: AppointmentPatch) =>
  api.patch<Appointment>(`${V1}/appointments/${id}`, body);
export const setStatus = (id: number, body: StatusInput) =>
  api.post<Appointment>(`${V1}/appointments/${id}/status`, body);
export const putVisit = (id: number, body: Visit) => api.put<Appointment>(`${V1}/appointments/${id}/visit`, body);
export const clientAppointments = (clientId: number, limit: number, signal?: AbortSignal) =>
  api.get<{ items: Appointment[] }>(`${V1}/clients/${clientId}/appointments?limit=${limit}`, { signal }).then(items);

export const getGroupEvent = (id: number, signal?: AbortSignal) =>
  api.get<GroupEvent>(`${V1}/group-events/${id}`, { signal });
export const createGroupEvent = (body: GroupEventInput) => api.post<GroupEvent>(`${V1}/group-events`, body);
export const addParticipant = (id: number, body: { client_id: number; notes?: string }) =>
  api.post<Appointment>(`${V1}/group-events/${id}/participants`, body);

export const listWaitlist = (branchId: number, signal?: AbortSignal) =>
  api.get<{ items: WaitlistEntry[] }>(`${V1}/waitlist?branch_id=${branchId}`, { signal }).then(items);
export const createWaitlistEntry = (body: WaitlistInput) => api.post<WaitlistEntry>(`${V1}/waitlist`, body);
export const patchWaitlistEntry = (id: number, body: { status?: WaitlistStatus; notes?: string }) =>
  api.patch<WaitlistEntry>(`${V1}/waitlist/${id}`, body);

export function useJournal(branchId: number | null, date: string, days: number, cancelled: boolean) {
  return useQuery({
    queryKey: journalKeys.view(branchId ?? 0, date, days, cancelled),
    queryFn: ({ signal }) => getJournal(branchId!, date, days, cancelled, signal),
    enabled: branchId !== null,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useWaitlist(branchId: number | null) {
  return useQuery({
    queryKey: journalKeys.waitlist(branchId ?? 0),
    queryFn: ({ signal }) => listWaitlist(branchId!, signal),
    enabled: branchId !== null,
  });
}

/** Everything a booking change may have touched. */
export function useInvalidateBooking() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: journalKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['appointment'] });
    void queryClient.invalidateQueries({ queryKey: ['group-event'] });
    void queryClient.invalidateQueries({ queryKey: journalKeys.allWaitlist });
  };
}
