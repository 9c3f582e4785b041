import { api } from '../app/api';
import type {
  Absence,
  AbsenceReason,
  ClosedDay,
  Schedule,
  Staff,
  StaffChannels,
  StaffInput,
  StaffTelegramLink,
  WorkIntervals,
} from './types';

export const staffKeys = {
  all: ['staff'] as const,
  list: (archived: boolean) => ['staff', 'list', { archived }] as const,
  detail: (id: number) => ['staff', 'detail', id] as const,
  schedule: (id: number) => ['staff', 'schedule', id] as const,
  workIntervals: (id: number, from: string, to: string) => ['staff', 'work-intervals', id, from, to] as const,
  absences: (id: number, from: string, to: string) => ['staff', 'absences', id, from, to] as const,
  allAbsences: (id: number) => ['staff', 'absences', id] as const,
  calendar: (id: number) => ['staff', 'calendar', id] as const,
  channels: (id: number) => ['staff', 'channels', id] as const,
  closedDays: (branchId: number) => ['closed-days', branchId] as const,
};

const items = <T>(r: { items?: T[] } | undefined): T[] => r?.items ?? [];
const BASE = '/api/v1/staff';

export function listStaff(archived = false, signal?: AbortSignal): Promise<Staff[]> {
  return api.get<{ items: Staff[] }>(archived ? `${BASE}?archived=true` : BASE, { signal }).then(items);
}
/** Live masters, plus the archived ones when asked (the API lists one or the other). */
export async function listStaffIncluding(archived: boolean, signal?: AbortSignal): Promise<Staff[]> {
  if (!archived) return listStaff(false, signal);
  const [live, gone] = await Promise.all([listStaff(false, signal), listStaff(true, signal)]);
  return [...live, ...gone];
}
export const getStaff = (id: number, signal?: AbortSignal) => api.get<Staff>(`${BASE}/${id}`, { signal });
export const createStaff = (body: StaffInput) => api.post<Staff>(BASE, body);
export const updateStaff = (id: number, body: StaffInput) => api.patch<Staff>(`${BASE}/${id}`, body);
export const archiveStaff = (id: number) => api.delete<void>(`${BASE}/${id}`);

/** The file goes as the raw body, typed by the file itself (image/jpeg, image/png or image/webp). */
export const uploadStaffPhoto = (id: number, file: Blob) => api.put<Staff>(`${BASE}/${id}/photo`, file);
/** The master without a photo (or nothing, when the server answers 204). */
export const deleteStaffPhoto = (id: number) => api.delete<Staff | undefined>(`${BASE}/${id}/photo`);

export const getSchedule = (id: number, signal?: AbortSignal) => api.get<Schedule>(`${BASE}/${id}/schedule`, { signal });
export const putSchedule = (id: number, body: Schedule) => api.put<Schedule>(`${BASE}/${id}/schedule`, body);

export const getWorkIntervals = (id: number, from: string, to: string, signal?: AbortSignal) =>
  api.get<WorkIntervals>(`${BASE}/${id}/work-intervals?from=${from}&to=${to}`, { signal });

export const listAbsences = (id: number, from: string, to: string, signal?: AbortSignal) =>
  api.get<{ items: Absence[] }>(`${BASE}/${id}/absences?from=${from}&to=${to}`, { signal }).then(items);
export const createAbsence = (id: number, body: { from: string; to: string; reason: AbsenceReason; note?: string }) =>
  api.post<Absence>(`${BASE}/${id}/absences`, body);
export const deleteAbsence = (id: number, absenceId: number) => api.delete<void>(`${BASE}/${id}/absences/${absenceId}`);

export const getCalendarUrl = (id: number, signal?: AbortSignal) =>
  api.get<{ url: string }>(`${BASE}/${id}/calendar`, { signal });
export const resetCalendarUrl = (id: number) => api.post<{ url: string }>(`${BASE}/${id}/calendar/reset`, {});

export const getStaffChannels = (id: number, signal?: AbortSignal) =>
  api.get<StaffChannels>(`${BASE}/${id}/channels`, { signal });
export const createStaffTelegramLink = (id: number) => api.post<StaffTelegramLink>(`${BASE}/${id}/telegram-link`);
export const unlinkStaffTelegram = (id: number) => api.delete<StaffChannels>(`${BASE}/${id}/channels/telegram`);

export const getClosedDays = (branchId: number, signal?: AbortSignal) =>
  api.get<{ items: ClosedDay[] }>(`/api/v1/branches/${branchId}/closed-days`, { signal }).then(items);
export const putClosedDays = (branchId: number, days: ClosedDay[]) =>
  api.put<{ items: ClosedDay[] }>(`/api/v1/branches/${branchId}/closed-days`, { items: days }).then(items);
