// Helpers for the tasks API tests (issue 7): paths, shape checks, reading tasks back and
// `kvitka jobs run --once --now` for the daily confirm-tomorrow planner.
import assert from 'node:assert/strict';
import { RFC3339, assertStatus } from './api.mjs';

export const TASKS = '/api/v1/tasks';
export const SUMMARY = `${TASKS}/summary`;
export const taskPath = (id) => `${TASKS}/${id}`;
export const KINDS = ['manual', 'call_no_show', 'confirm_tomorrow', 'come_back_follow_up', 'low_feedback'];

/** Asserts the documented shape of a task. */
export function assertTask(t) {
  assert.ok(t && typeof t === 'object', `task is an object: ${JSON.stringify(t)}`);
  assert.ok(Number.isInteger(t.id) && t.id > 0, `task.id: ${JSON.stringify(t)}`);
  assert.ok(KINDS.includes(t.kind), `task.kind: ${t.kind}`);
  assert.equal(t.automatic, t.kind !== 'manual');
  assert.ok(['open', 'done', 'cancelled'].includes(t.status), `task.status: ${t.status}`);
  assert.ok(['low', 'normal', 'high'].includes(t.priority), `task.priority: ${t.priority}`);
  assert.equal(typeof t.title, 'string');
  assert.ok(t.title.length > 0, 'a task always has a title to show');
  assert.equal(typeof t.notes, 'string');
  for (const k of ['due_at', 'created_at', 'updated_at']) assert.match(t[k], RFC3339, `task.${k}`);
  for (const k of ['assignee_user_id', 'client_id', 'appointment_id', 'branch_id', 'created_by']) {
    assert.ok(t[k] === null || Number.isInteger(t[k]), `task.${k}: ${t[k]}`);
  }
  assert.ok(t.done_at === null || RFC3339.test(t.done_at), `task.done_at: ${t.done_at}`);
  assert.equal(t.done_at !== null, t.status === 'done', 'done_at is set exactly when done');
  if (t.client !== null) {
    assert.equal(t.client.id, t.client_id);
    assert.equal(typeof t.client.name, 'string');
  }
  return t;
}

/** POST /tasks asserting 201; resolves to the task. */
export async function addTask(c, body, msg = 'add task') {
  const res = await c.post(TASKS, body);
  assertStatus(res, 201, msg);
  return assertTask(res.json);
}

/** PATCH /tasks/{id} asserting 200; resolves to the task. */
export async function patchTask(c, id, body, msg = `PATCH task ${id}`) {
  const res = await c.patch(taskPath(id), body);
  assertStatus(res, 200, msg);
  return assertTask(res.json);
}

/** Every task of GET /tasks?params (all pages), checked. */
export async function listTasks(c, params = {}, { limit = 200 } = {}) {
  const out = [];
  let cursor = null;
  for (let i = 0; i < 50; i++) {
    const q = new URLSearchParams({ ...params, limit: String(limit), ...(cursor ? { cursor } : {}) });
    const res = await c.get(`${TASKS}?${q}`);
    assertStatus(res, 200, `GET tasks ${q}`);
    assert.ok(Array.isArray(res.json.items));
    for (const t of res.json.items) out.push(assertTask(t));
    cursor = res.json.next_cursor;
    if (!cursor) return out;
    assert.equal(typeof cursor, 'string');
  }
  throw new Error('too many pages');
}

export async function summary(c) {
  const res = await c.get(SUMMARY);
  assertStatus(res, 200, 'GET tasks/summary');
  for (const k of ['open', 'overdue', 'due_today']) assert.ok(Number.isInteger(res.json[k]), `summary.${k}`);
  assert.ok(res.json.newest_id === null || Number.isInteger(res.json.newest_id));
  return res.json;
}

/** `kvitka jobs run --once --now <now>`: asserts exit 0 and a JSON report with `tasks`. */
export async function runJobs(server, now) {
  const r = await server.cli(['jobs', 'run', '--once', '--now', now]);
  assert.equal(r.code, 0, `jobs run --now ${now} exited ${r.code}:\n${r.stdout}\n${r.stderr}`);
  const line = r.stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  assert.ok(line, `jobs run printed its report: ${r.stdout}`);
  const report = JSON.parse(line);
  assert.ok(Number.isInteger(report.tasks), `report.tasks: ${line}`);
  return report;
}
