import { describe, expect, it } from 'vitest';
import { applyPatch, moveBody, resizeBody, withAppointment } from './drag';
import { makeAppointment, makeItem, makeJournal, SECOND } from './testFixtures';

const HOUR = 3_600_000;
const MIN = 60_000;

describe('drag result -> PATCH body', () => {
  it('moves a one-master visit whole: start, master, or both', () => {
    expect(moveBody(SECOND, { staffId: 2, itemIds: [3] }, 2, 30 * MIN)).toEqual({ start: '2026-11-23T09:00:00Z' });
    expect(moveBody(SECOND, { staffId: 2, itemIds: [3] }, 3, 0)).toEqual({ staff_id: 3 });
    expect(moveBody(SECOND, { staffId: 2, itemIds: [3] }, 3, -HOUR)).toEqual({ start: '2026-11-23T07:30:00Z', staff_id: 3 });
  });

  it('sends nothing when the block lands where it was', () => {
    expect(moveBody(SECOND, { staffId: 2, itemIds: [3] }, 2, 0)).toBeNull();
  });

  it('moves a day later in the week view (the shift includes the midnights)', () => {
    expect(moveBody(SECOND, { staffId: 2, itemIds: [3] }, 2, 24 * HOUR)).toEqual({ start: '2026-11-24T08:30:00Z' });
  });

  it('moves only its own items of a visit shared by two masters, keeping prices', () => {
    const a = makeAppointment();
    expect(moveBody(a, { staffId: 3, itemIds: [2] }, 2, 2 * HOUR)).toEqual({
      items: [
        { service_id: 1, staff_id: 2, start: '2026-11-23T08:00:00Z', duration: 60, price: 60000, discount_percent: 10 },
        { service_id: 4, staff_id: 2, start: '2026-11-23T11:00:00Z', duration: 90, price: 120000, discount_percent: 10 },
      ],
    });
  });

  it('keeps the room of an item', () => {
    const a = makeAppointment({ items: [makeItem({ room_id: 7 }), makeItem({ id: 2, staff_id: 3 })] });
    const body = moveBody(a, { staffId: 2, itemIds: [1] }, 2, 15 * MIN);
    expect(body?.items?.[0]).toMatchObject({ room_id: 7, start: '2026-11-23T08:15:00Z' });
    expect(body?.items?.[1]).not.toHaveProperty('room_id');
  });
});

describe('resize result -> PATCH body', () => {
  it('lengthens the last item of the block and moves the items that followed it', () => {
    const a = makeAppointment();
    expect(resizeBody(a, { itemIds: [1] }, 30)).toEqual({
      items: [
        { service_id: 1, staff_id: 2, start: '2026-11-23T08:00:00Z', duration: 90, price: 60000, discount_percent: 10 },
        { service_id: 4, staff_id: 3, start: '2026-11-23T09:30:00Z', duration: 90, price: 120000, discount_percent: 10 },
      ],
    });
  });

  it('shortens down to the minimum, and sends nothing for no change', () => {
    expect(resizeBody(SECOND, { itemIds: [3] }, -120, 15)?.items?.[0].duration).toBe(15);
    expect(resizeBody(SECOND, { itemIds: [3] }, 0)).toBeNull();
    expect(resizeBody(SECOND, { itemIds: [99] }, 15)).toBeNull();
  });
});

describe('the journal until the server answers', () => {
  it('shifts every item, its processing and the visit by a new start', () => {
    const moved = applyPatch(makeAppointment(), { start: '2026-11-23T09:00:00Z' });
    expect(moved.start).toBe('2026-11-23T09:00:00Z');
    expect(moved.end).toBe('2026-11-23T11:30:00Z');
    expect(moved.items[1].processing).toEqual({ start: '2026-11-23T10:30:00Z', end: '2026-11-23T11:00:00Z' });
  });

  it('moves every item to another master', () => {
    expect(applyPatch(SECOND, { staff_id: 3 }).items.map((i) => i.staff_id)).toEqual([3]);
  });

  it('rebuilds items from a PATCH items body', () => {
    const a = makeAppointment();
    const body = resizeBody(a, { itemIds: [1] }, 30)!;
    const next = applyPatch(a, body);
    expect(next.items.map((i) => [i.id, i.start, i.end, i.duration])).toEqual([
      [1, '2026-11-23T08:00:00Z', '2026-11-23T09:30:00Z', 90],
      [2, '2026-11-23T09:30:00Z', '2026-11-23T11:00:00Z', 90],
    ]);
    expect(next.end).toBe('2026-11-23T11:00:00Z');
    expect(next.items[1].service_name).toBe('Colouring');
  });

  it('replaces one appointment of the journal', () => {
    const journal = makeJournal();
    const next = withAppointment(journal, { ...SECOND, status: 'completed' });
    expect(next.appointments.map((a) => a.status)).toEqual(['booked', 'completed']);
    expect(journal.appointments[1].status).toBe('arrived');
  });
});
