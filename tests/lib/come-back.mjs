// Come-back reminders in API tests (issue 7): a service with a repeat cycle, the rules that send the
// reminder a few days before the cycle ends, and a past completed visit that makes it due. Used by
// the messaging tests (the reminder goes) and the tasks tests (its follow-up when nobody booked).
//
//   await useComeBack(s);                                  // haircut every 21 days, 3 days' lead
//   const visit = await pastHaircut(s, client, future(-19));
//   await runJobs(env, noonIn(1));                         // the reminder is planned and sent
import { assertStatus } from './api.mjs';
import { book, oneItem, at, iso } from './booking.mjs';

/**
 * Turns come-back reminders on: the salon's haircut (setupSalon's `cut`) is repeated every `cycle`
 * days, and the reminder goes `lead` days before the cycle ends.
 */
export async function useComeBack(s, { cycle = 21, lead = 3 } = {}) {
  let res = await s.c.patch(`/api/v1/services/${s.services.cut.id}`, { repeat_after_days: cycle });
  assertStatus(res, 200, `a ${cycle}-day cycle`);
  res = await s.c.put('/api/v1/settings/messaging', { kinds: { come_back: true }, come_back_lead_days: lead });
  assertStatus(res, 200, 'come-back reminders on');
  return res.json;
}

/** A haircut of `client` on `date` at `time` (Kyiv), completed; resolves to the appointment. */
export async function pastHaircut(s, client, date, time = '10:00') {
  const visit = await book(s.c, { ...oneItem(s, { client, start: at(date, time) }), allow_outside_hours: true });
  assertStatus(await s.c.post(`/api/v1/appointments/${visit.id}/status`, { status: 'completed' }), 200, 'completed');
  return visit;
}

/** 10:00 UTC `days` days from now (12:00 or 13:00 in Kyiv): clear of the quiet hours. */
export function noonIn(days = 1) {
  const d = new Date(Date.now() + days * 24 * 3600e3);
  d.setUTCHours(10, 0, 0, 0);
  return iso(d.getTime());
}
