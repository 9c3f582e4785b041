// Feedback after a visit (issue 7), the salon's side: only owners and managers read the answers
// (GET /api/v1/feedback with filters, paging, the average and NPS; GET /clients/{id}/feedback on
// the card), admins and masters are refused, and nothing crosses organizations. Answers are
// given on a second server on the same database that runs after the visits (`serve --now`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { RFC3339, addUser, assertList, assertProblem, assertStatus, signup } from '../lib/api.mjs';
import { assertBadQuery } from '../lib/staff.mjs';
import { startOnlineServer, setupOnlineSalon } from '../lib/online.mjs';
import { FEEDBACK, answeredVisits as answeredVisitsOf, clientFeedbackPath as clientFeedback } from '../lib/feedback.mjs';

let server;
before(async () => {
  server = await startOnlineServer();
});
after(async () => {
  await server?.stop();
});

/**
 * Books online visits a week ahead (each {staff, name, answer}), completes them, and answers each
 * through its link after the visits; resolves to the visits with {token, appointment, answer}.
 */
const answeredVisits = (s, list, days) => answeredVisitsOf(server, s, list, days);

function assertItem(i) {
  const t = JSON.stringify(i);
  for (const k of ['id', 'appointment_id', 'rating']) assert.ok(Number.isInteger(i[k]), `item.${k}: ${t}`);
  assert.ok(Number.isInteger(i.client?.id) && typeof i.client.name === 'string', `item.client: ${t}`);
  assert.ok(Number.isInteger(i.branch?.id) && typeof i.branch.name === 'string', `item.branch: ${t}`);
  assert.ok(Array.isArray(i.staff) && i.staff.every((m) => Number.isInteger(m.id) && typeof m.name === 'string'), `item.staff: ${t}`);
  assert.ok(i.nps === null || Number.isInteger(i.nps), `item.nps: ${t}`);
  assert.equal(typeof i.comment, 'string');
  assert.equal(typeof i.low, 'boolean');
  for (const k of ['visit_start', 'created_at', 'updated_at']) assert.match(i[k], RFC3339, `item.${k}: ${t}`);
}

async function feedbackList(c, query = '', msg = 'feedback list') {
  const res = await c.get(`${FEEDBACK}${query}`);
  assertStatus(res, 200, msg);
  const items = assertList(res);
  items.forEach(assertItem);
  return res.json;
}

test('owners and managers read the answers with the average and NPS; filters and pages', async () => {
  const s = await setupOnlineSalon(server);
  const visits = await answeredVisits(s, [
    { staff: s.anna, name: 'Марта', answer: { rating: 5, nps: 10, comment: 'Супер' } },
    { staff: s.anna, name: 'Ніна', answer: { rating: 4, nps: 7 } },
    { staff: s.bohdana, name: 'Ліда', answer: { rating: 2, comment: 'Довго чекала' } },
  ]);

  let page = await feedbackList(s.c);
  assert.deepEqual(page.items.map((i) => i.rating), [2, 4, 5], 'newest first');
  const [low, , top] = page.items;
  assert.equal(low.appointment_id, visits[2].appointment.id);
  assert.equal(low.client.id, visits[2].appointment.client.id);
  assert.equal(low.client.name, 'Ліда');
  assert.deepEqual(low.staff, [{ id: s.bohdana.id, name: 'Богдана Тест' }]);
  assert.deepEqual(low.branch, { id: s.branch.id, name: s.branch.name });
  assert.equal(low.comment, 'Довго чекала');
  assert.equal(low.nps, null);
  assert.equal(low.low, true);
  assert.equal(top.low, false);
  assert.equal(page.items[1].low, false, 'NPS 7 is passive, 4 stars is fine');
  assert.equal(page.next_cursor, null);
  assert.deepEqual(page.summary, {
    count: 3,
    average: 3.67,
    by_rating: { 1: 0, 2: 1, 3: 0, 4: 1, 5: 1 },
    nps: { count: 2, promoters: 1, passives: 1, detractors: 0, score: 50 },
  });

  const manager = await addUser(server, s.c, 'manager');
  assert.equal((await feedbackList(manager.client, '', 'manager')).items.length, 3);
  assert.equal((await feedbackList(manager.client, `?staff_id=${s.anna.id}`)).summary.average, 4.5);

  page = await feedbackList(s.c, `?staff_id=${s.bohdana.id}&branch_id=${s.branch.id}`);
  assert.deepEqual(page.items.map((i) => i.rating), [2]);
  assert.equal(page.summary.count, 1);
  page = await feedbackList(s.c, '?max_rating=4');
  assert.deepEqual(page.items.map((i) => i.rating), [2, 4]);
  assert.equal(page.summary.count, 3, 'max_rating narrows the list, not the summary');
  page = await feedbackList(s.c, '?max_rating=1');
  assert.deepEqual(page.items, []);

  page = await feedbackList(s.c, '?limit=2');
  assert.deepEqual(page.items.map((i) => i.rating), [2, 4]);
  assert.equal(typeof page.next_cursor, 'string');
  const rest = await feedbackList(s.c, `?limit=2&cursor=${encodeURIComponent(page.next_cursor)}`);
  assert.deepEqual(rest.items.map((i) => i.rating), [5]);
  assert.equal(rest.next_cursor, null);

  for (const [query, param] of [
    ['?branch_id=abc', 'branch_id'],
    ['?branch_id=0', 'branch_id'],
    ['?staff_id=-3', 'staff_id'],
    ['?max_rating=0', 'max_rating'],
    ['?max_rating=6', 'max_rating'],
    ['?max_rating=4.5', 'max_rating'],
    ['?limit=0', 'limit'],
    ['?limit=201', 'limit'],
    ['?cursor=zzz', 'cursor'],
    ['?branch_id=999999999', 'branch_id'],
    [`?staff_id=${s.offline.id + 100000}`, 'staff_id'],
  ]) {
    assertBadQuery(await s.c.get(`${FEEDBACK}${query}`), param);
  }

  // The client card: the client's own answers.
  const card = await s.c.get(clientFeedback(visits[0].appointment.client.id));
  assertStatus(card, 200, 'client feedback');
  assert.deepEqual(assertList(card).map((i) => [i.rating, i.comment]), [[5, 'Супер']]);
  assert.equal(card.json.summary.count, 1);
  assertStatus(await manager.client.get(clientFeedback(visits[0].appointment.client.id)), 200, 'manager on the card');
  assert.deepEqual(assertList(await s.c.get(clientFeedback(s.client.id))), [], 'a client without answers');
  assertProblem(await s.c.get(clientFeedback(999999999)), 404);
  assertProblem(await s.c.get('/api/v1/clients/abc/feedback'), 404);

  for (const role of ['admin', 'master']) {
    const u = await addUser(server, s.c, role);
    assertProblem(await u.client.get(FEEDBACK), 403, 'forbidden');
    assertProblem(await u.client.get(clientFeedback(visits[0].appointment.client.id)), 403, 'forbidden');
  }
  assertProblem(await server.client().get(FEEDBACK), 401);
});

test('another salon sees none of the answers', async () => {
  const s = await setupOnlineSalon(server);
  const [v] = await answeredVisits(s, [{ staff: s.anna, answer: { rating: 1, nps: 0, comment: 'Жахливо' } }], 8);
  const other = await signup(server);

  const page = await feedbackList(other.client);
  assert.deepEqual(page.items, []);
  assert.equal(page.summary.count, 0);
  assert.equal(page.summary.average, null);
  assert.equal(page.summary.nps.score, null);
  assertProblem(await other.client.get(clientFeedback(v.appointment.client.id)), 404);
  assertBadQuery(await other.client.get(`${FEEDBACK}?staff_id=${s.anna.id}`), 'staff_id');
  assertBadQuery(await other.client.get(`${FEEDBACK}?branch_id=${s.branch.id}`), 'branch_id');

  const mine = await feedbackList(s.c);
  assert.equal(mine.items.length, 1);
  assert.equal(mine.items[0].low, true);
  assert.deepEqual(mine.summary.nps, { count: 1, promoters: 0, passives: 0, detractors: 1, score: -100 });
});

test('a low score adds one task for the visit, in the salon language; a good one adds none', async () => {
  const s = await setupOnlineSalon(server);
  const [low, fine, detractor] = await answeredVisits(
    s,
    [
      { staff: s.anna, name: 'Ліда', answer: { rating: 3, comment: 'Довго чекала' } },
      { staff: s.anna, name: 'Марта', answer: { rating: 5, nps: 9 } },
      { staff: s.bohdana, name: 'Ніна', answer: { rating: 5, nps: 6 } },
    ],
    9,
  );
  const res = await s.c.get('/api/v1/tasks?kind=low_feedback');
  assertStatus(res, 200, 'low_feedback tasks');
  const tasks = assertList(res);
  const byVisit = Object.fromEntries(tasks.map((t) => [t.appointment_id, t]));
  assert.equal(tasks.length, 2, JSON.stringify(tasks).slice(0, 800));
  assert.equal(byVisit[fine.appointment.id], undefined, 'no task for 5 stars and NPS 9');
  const t = byVisit[low.appointment.id];
  assert.equal(t.title, 'Низька оцінка, Ліда: 3★', 'the salon is in UA');
  assert.equal(t.notes, 'Довго чекала');
  assert.equal(t.kind, 'low_feedback');
  assert.equal(t.status, 'open');
  assert.equal(t.priority, 'high');
  assert.equal(t.client_id, low.appointment.client.id);
  assert.equal(t.branch_id, s.branch.id);
  assert.equal(t.created_by, null);
  assert.equal(byVisit[detractor.appointment.id].title, 'Низька оцінка, Ніна: 5★, NPS 6');

  // Another salon's tasks stay its own.
  const other = await signup(server);
  const theirs = await other.client.get('/api/v1/tasks?kind=low_feedback');
  assertStatus(theirs, 200);
  assert.deepEqual(assertList(theirs), []);
});
