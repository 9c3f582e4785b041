// Pure rules of the reminders panel: the badge, and open tasks grouped by when they are due.
import { dateInZone } from '../staff/zoned';
import type { Task, TaskPriority, TaskSummary } from './types';

/** The bell's badge: open tasks already overdue or due later today. */
export function badgeCount(summary: TaskSummary | undefined): number {
  return summary ? summary.overdue + summary.due_today : 0;
}

/** Whether a new task appeared since the last summary (never on the first one). */
export function isNewTask(previous: number | null | undefined, next: number | null): boolean {
  return previous !== undefined && next !== null && (previous === null || next > previous);
}

export interface TaskGroups {
  overdue: Task[];
  today: Task[];
  later: Task[];
}

const RANK: Record<TaskPriority, number> = { high: 0, normal: 1, low: 2 };

/** Open tasks by when they are due (in the zone's day), soonest first, the urgent first on ties. */
export function groupTasks(tasks: readonly Task[], now: Date, timeZone: string): TaskGroups {
  const groups: TaskGroups = { overdue: [], today: [], later: [] };
  const today = dateInZone(now, timeZone);
  const sorted = [...tasks].sort(
    (a, b) => Date.parse(a.due_at) - Date.parse(b.due_at) || RANK[a.priority] - RANK[b.priority] || a.id - b.id,
  );
  for (const t of sorted) {
    if (t.status !== 'open') continue;
    const due = Date.parse(t.due_at);
    if (due < now.getTime()) groups.overdue.push(t);
    else if (dateInZone(due, timeZone) === today) groups.today.push(t);
    else groups.later.push(t);
  }
  return groups;
}

/** The journal of the day a confirm-tomorrow task is about. */
export function journalLink(task: Task): string | null {
  if (!task.date) return null;
  const params = new URLSearchParams({ date: task.date });
  if (task.branch_id !== null) params.set('branch', String(task.branch_id));
  return `/journal?${params}`;
}
