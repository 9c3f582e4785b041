// Campaigns: the owner writes one text for a segment, sees how many clients it will reach (only
// those who agreed to marketing on the channel and have an address there) and what it costs in
// SMS parts, sends it (paced per minute), and sees the results; every message carries an opt-out
// link that withdraws the client's consent. Birthday greetings and come-back reminders go once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertStatus, addUser } from '../lib/api.mjs';
import { setupSalon, oneItem, book, at, future, newClient } from '../lib/booking.mjs';
import { startMessaging, runJobs, useSms } from '../lib/messaging.mjs';
import { useComeBack, pastHaircut, noonIn } from '../lib/come-back.mjs';

let env;
before(async () => {
  env = await startMessaging();
});
after(async () => {
  await env?.close();
});

async function salonWithClients() {
  const s = await setupSalon(env.server);
  await useSms(s.c);
  const agreed = [];
  for (const name of ['Алла', 'Богдана', 'Віра']) {
    agreed.push(await newClient(s.c, name, { consent: { sms: true } }));
  }
  const refused = await newClient(s.c, 'Галина', { consent: { sms: false } });
  return { s, agreed, refused };
}

// Marketing keeps the quiet hours (21:00-09:00): the jobs run at noon in Kyiv, tomorrow.
const noon = () => noonIn(1);

const body = 'Привіт, {{client_name}}! -20% на манікюр до неділі: {{booking_link}} {{opt_out}}';

test('estimate, send, results: only clients who agreed get it, each once, with an opt-out link', async () => {
  const { s, agreed, refused } = await salonWithClients();
  let res = await s.c.post('/api/v1/campaigns', { name: 'Осінній манікюр', channel: 'sms', body });
  assertStatus(res, 201, 'create');
  const id = res.json.id;
  assert.equal(res.json.status, 'draft');

  res = await s.c.post(`/api/v1/campaigns/${id}/estimate`, {});
  assertStatus(res, 200, 'estimate');
  // The salon's two setup clients have no consent either.
  assert.equal(res.json.recipients, agreed.length);
  assert.ok(res.json.without_consent >= 1);
  assert.ok(res.json.sms_parts >= agreed.length * 2, 'Cyrillic with a link takes two parts or more');
  assert.match(res.json.sample, /^Привіт, Алла|^Привіт, Богдана|^Привіт, Віра/);

  res = await s.c.post(`/api/v1/campaigns/${id}/send`, {});
  assertStatus(res, 200, 'send');
  assert.equal(res.json.status, 'sent');
  assert.equal(res.json.recipients, agreed.length);
  assertStatus(await s.c.patch(`/api/v1/campaigns/${id}`, { name: 'x' }), 409, 'a sent campaign is not edited');
  assertStatus(await s.c.post(`/api/v1/campaigns/${id}/send`, {}), 409, 'nor sent twice');

  const report = await runJobs(env, noon());
  assert.ok(report.sent >= agreed.length, JSON.stringify(report));
  const phones = new Set(agreed.map((c) => c.phones[0]));
  const texts = env.sms.sent.filter((m) => phones.has(m.to) && /-20%/.test(m.text));
  assert.equal(texts.length, agreed.length, 'each agreed client once');
  assert.ok(!env.sms.sent.some((m) => m.to === refused.phones[0]), 'nothing to the client who refused');
  await runJobs(env, noon());
  assert.equal(env.sms.sent.filter((m) => phones.has(m.to) && /-20%/.test(m.text)).length, agreed.length, 'never twice');

  res = await s.c.get(`/api/v1/campaigns/${id}`);
  assertStatus(res, 200);
  assert.equal(res.json.results.sent, agreed.length);

  // The opt-out link withdraws the consent; the next campaign leaves the client out.
  const link = /\/b\/u\/([A-Za-z0-9_-]+)/.exec(texts[0].text);
  assert.ok(link, texts[0].text);
  const info = await env.server.client().get(`/api/v1/public/opt-out/${link[1]}`);
  assertStatus(info, 200);
  assert.equal(info.json.subscribed, true);
  const out = await env.server.client().post(`/api/v1/public/opt-out/${link[1]}`, {});
  assertStatus(out, 200);
  assert.equal(out.json.subscribed, false);
  const again = await s.c.post('/api/v1/campaigns', { name: 'Друга', channel: 'sms', body });
  const estimate = await s.c.post(`/api/v1/campaigns/${again.json.id}/estimate`, {});
  assert.equal(estimate.json.recipients, agreed.length - 1);
  assertStatus(await env.server.client().get('/api/v1/public/opt-out/nope'), 404);
});

test('a campaign sent later can be cancelled before it goes; bookings after it are counted', async () => {
  const { s, agreed } = await salonWithClients();
  const res = await s.c.post('/api/v1/campaigns', { name: 'Пізніше', channel: 'sms', body, per_minute: 60 });
  const id = res.json.id;
  const later = new Date(Date.now() + 3 * 3600e3).toISOString().replace(/\.\d+Z$/, 'Z');
  const sent = await s.c.post(`/api/v1/campaigns/${id}/send`, { send_at: later });
  assertStatus(sent, 200);
  assert.equal(sent.json.status, 'scheduled');
  const run = await runJobs(env);
  assert.equal(env.sms.sent.filter((m) => /Пізніше|-20%/.test(m.text) && agreed.some((c) => c.phones[0] === m.to)).length, 0, JSON.stringify(run));
  const cancelled = await s.c.post(`/api/v1/campaigns/${id}/cancel`, {});
  assertStatus(cancelled, 200);
  assert.equal(cancelled.json.status, 'cancelled');
  assert.equal(cancelled.json.results.voided, agreed.length);
});

test('validation names the fields, and only owners and managers run campaigns', async () => {
  const { s } = await salonWithClients();
  let res = await s.c.post('/api/v1/campaigns', { name: '', channel: 'fax', body: 'Без відписки', per_minute: 0 });
  assertStatus(res, 422);
  const fields = res.json.errors.map((e) => e.field).sort();
  for (const f of ['name', 'channel', 'per_minute']) assert.ok(fields.includes(f), JSON.stringify(res.json.errors));
  res = await s.c.post('/api/v1/campaigns', { name: 'Без відписки', channel: 'sms', body: 'Привіт!' });
  assertStatus(res, 422, 'a marketing text needs {{opt_out}}');
  res = await s.c.post('/api/v1/campaigns', { name: 'x', channel: 'sms', body, audience: { tag_ids: 'abc' } });
  assertStatus(res, 422, 'a bad filter');
  const admin = await addUser(env.server, s.c, 'admin');
  assertStatus(await admin.client.get('/api/v1/campaigns'), 403);
  assertStatus(await s.c.get('/api/v1/campaigns/999999'), 404);
});

test('birthday greetings and come-back reminders are written once, for clients who agreed', async () => {
  const s = await setupSalon(env.server);
  await useSms(s.c);
  const now = new Date(Date.now() + 24 * 3600e3);  // tomorrow, to be clear of quiet hours
  now.setUTCHours(9, 0, 0, 0);  // 11:00 or 12:00 in Kyiv
  const mmdd = now.toISOString().slice(5, 10);
  const born = await newClient(s.c, 'Іменинниця', { consent: { sms: true }, birthday: `1990-${mmdd}` });
  const quiet = await newClient(s.c, 'Мовчазна', { consent: { sms: false }, birthday: `1991-${mmdd}` });
  let res = await s.c.put('/api/v1/settings/messaging', { kinds: { birthday: true, come_back: true } });
  assertStatus(res, 200);
  const iso = now.toISOString().replace(/\.\d+Z$/, 'Z');
  const first = await runJobs(env, iso);
  assert.ok(first.planned >= 1, JSON.stringify(first));
  assert.ok(env.sms.sent.some((m) => m.to === born.phones[0] && /{{/.test(m.text) === false), 'the greeting went');
  assert.ok(!env.sms.sent.some((m) => m.to === quiet.phones[0]), 'not without consent');
  const second = await runJobs(env, iso);
  assert.equal(second.planned, 0, 'written once');
  assert.equal(env.sms.sent.filter((m) => m.to === born.phones[0]).length, 1);
});

test('a come-back reminder goes a few days before the service\'s cycle ends, unless already booked', async () => {
  const s = await setupSalon(env.server);
  await useSms(s.c);
  await useComeBack(s, { cycle: 21, lead: 3 });
  const back = await newClient(s.c, 'Повернеться', { consent: { sms: true } });
  const booked = await newClient(s.c, 'Записана', { consent: { sms: true } });
  // Both had a haircut 19 days ago; the second has booked the next one already.
  await pastHaircut(s, back, future(-19), '10:00');
  await pastHaircut(s, booked, future(-19), '12:00');
  await book(s.c, oneItem(s, { client: booked, start: at(future(3), '12:00') }));
  const report = await runJobs(env, noon());
  assert.equal(report.planned, 1, JSON.stringify(report));
  const sent = env.sms.sent.filter((m) => m.to === back.phones[0]);
  assert.equal(sent.length, 1);
  assert.match(sent[0].text, /Стрижка/);
  assert.match(sent[0].text, /\/b\/u\//, 'with the opt-out link');
  assert.ok(!env.sms.sent.some((m) => m.to === booked.phones[0] && /Стрижка/.test(m.text) && !/записані/.test(m.text)));
  assert.equal((await runJobs(env, noon())).planned, 0, 'once');
});

test('a time freed for a waiting client is offered to them in a message', async () => {
  const { createStaff, putSchedule, daily, iv } = await import('../lib/staff.mjs');
  const { EVERY_DAY_9_TO_6, status } = await import('../lib/booking.mjs');
  const s = await setupSalon(env.server);
  await useSms(s.c);
  const d = future(5);
  const m = await createStaff(s.c, s.branch.id, { name: 'Ольга Вузька', service_ids: [s.services.cut.id] });
  await putSchedule(s.c, m.id, {
    patterns: [daily('every_day', '2026-01-01', EVERY_DAY_9_TO_6)],
    exceptions: [{ date: d, intervals: [iv('10:00', '11:00')] }],
  });
  const holder = await newClient(s.c, 'Має запис');
  const a = await book(s.c, oneItem(s, { client: holder, staff: m, start: at(d, '10:00') }));
  const waiting = await newClient(s.c, 'Чекає');
  const entry = await s.c.post('/api/v1/waitlist', {
    branch_id: s.branch.id, service_ids: [s.services.cut.id], client_id: waiting.id, staff_id: m.id, date_from: d, date_to: d,
  });
  assertStatus(entry, 201, 'waitlist entry');
  await status(s.c, a.id, { status: 'cancelled', cancelled_by: 'client' });
  await runJobs(env, noon());
  const offer = env.sms.sent.find((m2) => m2.to === waiting.phones[0]);
  assert.ok(offer, 'the waiting client got a message');
  assert.match(offer.text, /10:00/);
  assert.match(offer.text, /\/b\//, 'with the booking link');
});
