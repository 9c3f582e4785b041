import { describe, expect, it } from 'vitest';
import { badgeCount, groupTasks, isNewTask, journalLink } from './tasks';
import { makeTask } from './testFixtures';

describe('tasks rules', () => {
  it('counts the badge from overdue and due today', () => {
    expect(badgeCount(undefined)).toBe(0);
    expect(badgeCount({ open: 9, overdue: 2, due_today: 3, newest_id: 4 })).toBe(5);
  });

  it('tells a new task only after the first summary, and only when the newest id grows', () => {
    expect(isNewTask(undefined, 5)).toBe(false);
    expect(isNewTask(null, 5)).toBe(true);
    expect(isNewTask(5, 5)).toBe(false);
    expect(isNewTask(5, 4)).toBe(false);
    expect(isNewTask(5, 6)).toBe(true);
    expect(isNewTask(5, null)).toBe(false);
  });

  it('groups open tasks into overdue, today and later in the branch day, soonest and most urgent first', () => {
    // 2026-11-23 12:00 in Kyiv.
    const now = new Date('2026-11-23T10:00:00Z');
    const tasks = [
      makeTask({ id: 1, due_at: '2026-11-23T09:00:00Z' }),
      makeTask({ id: 2, due_at: '2026-11-23T21:30:00Z' }), // 23:30 in Kyiv: today
      makeTask({ id: 3, due_at: '2026-11-23T22:30:00Z' }), // 00:30 tomorrow in Kyiv
      makeTask({ id: 4, due_at: '2026-11-23T12:00:00Z', priority: 'low' }),
      makeTask({ id: 5, due_at: '2026-11-23T12:00:00Z', priority: 'high' }),
      makeTask({ id: 6, due_at: '2026-11-22T09:00:00Z', status: 'done' }),
    ];
    const g = groupTasks(tasks, now, 'Europe/Kyiv');
    expect(g.overdue.map((t) => t.id)).toEqual([1]);
    expect(g.today.map((t) => t.id)).toEqual([5, 4, 2]);
    expect(g.later.map((t) => t.id)).toEqual([3]);
  });

  it('links a confirm-tomorrow task to the journal of its day and branch', () => {
    expect(journalLink(makeTask({ kind: 'confirm_tomorrow', date: '2026-11-24', branch_id: 2 }))).toBe('/journal?date=2026-11-24&branch=2');
    expect(journalLink(makeTask({}))).toBeNull();
  });
});
