import type { Task, TaskSummary } from './types';

export function makeTask(over: Partial<Task> = {}): Task {
  return {
    id: 7,
    kind: 'manual',
    automatic: false,
    status: 'open',
    priority: 'normal',
    title: 'Call Olena about the colour',
    notes: '',
    due_at: '2026-11-23T10:00:00Z',
    assignee_user_id: null,
    client_id: null,
    client: null,
    appointment_id: null,
    branch_id: null,
    date: null,
    visit_count: null,
    created_by: 1,
    created_at: '2026-11-22T10:00:00Z',
    updated_at: '2026-11-22T10:00:00Z',
    done_at: null,
    ...over,
  };
}

export function makeSummary(over: Partial<TaskSummary> = {}): TaskSummary {
  return { open: 0, overdue: 0, due_today: 0, newest_id: null, ...over };
}
