// Requests of the tasks module.
import { api, fetchAllPages } from '../app/api';
import type { Role } from '../identity/types';
import type { Task, TaskInput, TaskPatch, TaskStatus, TaskSummary } from './types';

export const taskKeys = {
  all: ['tasks'] as const,
  summary: ['tasks', 'summary'] as const,
  list: (status: TaskStatus, mine: boolean) => ['tasks', 'list', status, mine] as const,
};

/** Every task: owners, admins and managers; a master sees and completes only their own. */
export function canManageTasks(role: Role): boolean {
  return role === 'owner' || role === 'admin' || role === 'manager';
}

/** The summary with every count a number, whatever an older server answers. */
export async function getTaskSummary(signal?: AbortSignal): Promise<TaskSummary> {
  const s = await api.get<Partial<TaskSummary> | null>('/api/v1/tasks/summary', { signal });
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return {
    open: n(s?.open),
    overdue: n(s?.overdue),
    due_today: n(s?.due_today),
    newest_id: typeof s?.newest_id === 'number' ? s.newest_id : null,
  };
}

/** Tasks of a status (all pages, at most a few hundred); `mine` keeps the caller's own. */
export function listTasks(status: TaskStatus, mine: boolean, signal?: AbortSignal): Promise<Task[]> {
  const params = new URLSearchParams({ status });
  if (mine) params.set('assignee', 'me');
  return fetchAllPages<Task>(`/api/v1/tasks?${params}`, { signal, limit: 100, maxPages: status === 'open' ? 10 : 1 });
}

export const createTask = (body: TaskInput) => api.post<Task>('/api/v1/tasks', body);

export const patchTask = (id: number, body: TaskPatch) => api.patch<Task>(`/api/v1/tasks/${id}`, body);
