import { api } from '../app/api';
import type { Category, CategoryInput, Room, RoomInput, Service, ServiceInput } from './types';

export const catalogKeys = {
  categories: ['service-categories'] as const,
  services: (archived: boolean) => ['services', { archived }] as const,
  allServices: ['services'] as const,
  rooms: (branchId: number | null, archived = false) => ['rooms', { branchId, archived }] as const,
  allRooms: ['rooms'] as const,
};

const items = <T>(r: { items?: T[] } | undefined): T[] => r?.items ?? [];

// Categories
export const listCategories = (signal?: AbortSignal) =>
  api.get<{ items: Category[] }>('/api/v1/service-categories', { signal }).then(items);
export const createCategory = (body: CategoryInput) => api.post<Category>('/api/v1/service-categories', body);
export const updateCategory = (id: number, body: CategoryInput) =>
  api.patch<Category>(`/api/v1/service-categories/${id}`, body);
export const deleteCategory = (id: number) => api.delete<void>(`/api/v1/service-categories/${id}`);
export const orderCategories = (ids: number[]) =>
  api.put<{ items: Category[] }>('/api/v1/service-categories/order', { ids }).then(items);

// Services
export function listServices(
  filter: { archived?: boolean; categoryId?: number; staffId?: number; online?: boolean } = {},
  signal?: AbortSignal,
): Promise<Service[]> {
  const params = new URLSearchParams();
  if (filter.categoryId !== undefined) params.set('category_id', String(filter.categoryId));
  if (filter.staffId !== undefined) params.set('staff_id', String(filter.staffId));
  if (filter.online !== undefined) params.set('online', String(filter.online));
  if (filter.archived) params.set('archived', 'true');
  const query = params.toString();
  return api.get<{ items: Service[] }>(`/api/v1/services${query ? `?${query}` : ''}`, { signal }).then(items);
}
/** Live services, plus the archived ones when asked (the API lists one or the other). */
export async function listServicesIncluding(archived: boolean, signal?: AbortSignal): Promise<Service[]> {
  if (!archived) return listServices({}, signal);
  const [live, gone] = await Promise.all([listServices({}, signal), listServices({ archived: true }, signal)]);
  return [...live, ...gone];
}
export const getService = (id: number, signal?: AbortSignal) => api.get<Service>(`/api/v1/services/${id}`, { signal });
export const createService = (body: ServiceInput) => api.post<Service>('/api/v1/services', body);
export const updateService = (id: number, body: ServiceInput) => api.patch<Service>(`/api/v1/services/${id}`, body);
export const archiveService = (id: number) => api.delete<void>(`/api/v1/services/${id}`);
export const orderServices = (ids: number[]) => api.put<unknown>('/api/v1/services/order', { ids });

// Rooms
export function listRooms(branchId: number | null, archived = false, signal?: AbortSignal): Promise<Room[]> {
  const params = new URLSearchParams();
  if (branchId !== null) params.set('branch_id', String(branchId));
  if (archived) params.set('archived', 'true');
  const query = params.toString();
  return api.get<{ items: Room[] }>(`/api/v1/rooms${query ? `?${query}` : ''}`, { signal }).then(items);
}
/** Live rooms, plus the archived ones when asked. */
export async function listRoomsIncluding(branchId: number | null, archived: boolean, signal?: AbortSignal): Promise<Room[]> {
  if (!archived) return listRooms(branchId, false, signal);
  const [live, gone] = await Promise.all([listRooms(branchId, false, signal), listRooms(branchId, true, signal)]);
  return [...live, ...gone];
}
export const createRoom = (body: RoomInput) => api.post<Room>('/api/v1/rooms', body);
export const updateRoom = (id: number, body: RoomInput) => api.patch<Room>(`/api/v1/rooms/${id}`, body);
export const archiveRoom = (id: number) => api.delete<void>(`/api/v1/rooms/${id}`);
