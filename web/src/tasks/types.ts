// The tasks API (/api/v1/tasks): the team's tasks and the reminders panel's summary.

export const TASK_KINDS = ['manual', 'call_no_show', 'confirm_tomorrow', 'come_back_follow_up', 'low_feedback'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export type TaskStatus = 'open' | 'done' | 'cancelled';
export const PRIORITIES = ['low', 'normal', 'high'] as const;
export type TaskPriority = (typeof PRIORITIES)[number];

export interface TaskClient {
  id: number;
  name: string;
  first_name: string;
  last_name: string;
  phone: string | null;
}

export interface Task {
  id: number;
  kind: TaskKind;
  automatic: boolean;
  status: TaskStatus;
  priority: TaskPriority;
  /** Named in the interface language for automatic tasks (Accept-Language). */
  title: string;
  notes: string;
  due_at: string;
  assignee_user_id: number | null;
  client_id: number | null;
  client: TaskClient | null;
  appointment_id: number | null;
  branch_id: number | null;
  /** The journal date a confirm-tomorrow task is about. */
  date: string | null;
  visit_count: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  done_at: string | null;
}

export interface TaskSummary {
  open: number;
  overdue: number;
  due_today: number;
  newest_id: number | null;
}

export interface TaskInput {
  title: string;
  due_at: string;
  priority: TaskPriority;
  notes?: string;
  assignee_user_id?: number | null;
  client_id?: number | null;
}

export interface TaskPatch {
  title?: string;
  notes?: string | null;
  due_at?: string;
  priority?: TaskPriority;
  assignee_user_id?: number | null;
  status?: TaskStatus;
}
