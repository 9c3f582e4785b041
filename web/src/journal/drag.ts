// What a drag or a resize in the journal asks the server for, and how the
// journal looks until the server answers (pure).
import { toIso, type AppointmentPiece } from './layout';
import type { Appointment, AppointmentItem, AppointmentPatch, ItemInput, Journal } from './types';

const MINUTE = 60_000;
const ms = (iso: string) => new Date(iso).getTime();

/** An existing item as the input of PATCH items (price and discount kept). */
export function itemInput(item: AppointmentItem, over: Partial<ItemInput> = {}): ItemInput {
  const input: ItemInput = {
    service_id: item.service_id,
    staff_id: item.staff_id,
    start: item.start,
    duration: item.duration,
    price: item.price,
    discount_percent: item.discount_percent,
  };
  if (item.room_id !== null) input.room_id = item.room_id;
  return { ...input, ...over };
}

/**
 * A block dropped `shiftMs` later (negative: earlier) in the column of
 * `targetStaffId`. An appointment done by one master moves whole
 * ({start, staff_id}); a piece of a visit shared by several masters moves
 * alone ({items}). Null when nothing changes.
 */
export function moveBody(
  appointment: Appointment,
  piece: Pick<AppointmentPiece, 'staffId' | 'itemIds'>,
  targetStaffId: number,
  shiftMs: number,
): AppointmentPatch | null {
  const staffChanged = targetStaffId !== piece.staffId;
  if (shiftMs === 0 && !staffChanged) return null;
  const oneMaster = appointment.items.every((i) => i.staff_id === piece.staffId);
  if (oneMaster) {
    const body: AppointmentPatch = {};
    if (shiftMs !== 0) body.start = toIso(ms(appointment.start) + shiftMs);
    if (staffChanged) body.staff_id = targetStaffId;
    return body;
  }
  return {
    items: appointment.items.map((item) =>
      piece.itemIds.includes(item.id)
        ? itemInput(item, { start: toIso(ms(item.start) + shiftMs), staff_id: targetStaffId })
        : itemInput(item),
    ),
  };
}

/**
 * The bottom edge of a block dragged: the piece's last item lasts
 * `deltaMinutes` longer (at least `minDuration`), and items that followed it
 * move by as much. Null when nothing changes.
 */
export function resizeBody(
  appointment: Appointment,
  piece: Pick<AppointmentPiece, 'itemIds'>,
  deltaMinutes: number,
  minDuration = 5,
): AppointmentPatch | null {
  const own = appointment.items.filter((i) => piece.itemIds.includes(i.id));
  if (own.length === 0) return null;
  const last = own.reduce((a, b) => (ms(b.end) > ms(a.end) ? b : a));
  const duration = Math.max(minDuration, last.duration + deltaMinutes);
  const delta = duration - last.duration;
  if (delta === 0) return null;
  const lastEnd = ms(last.end);
  return {
    items: appointment.items.map((item) => {
      if (item.id === last.id) return itemInput(item, { duration });
      if (ms(item.start) >= lastEnd) return itemInput(item, { start: toIso(ms(item.start) + delta * MINUTE) });
      return itemInput(item);
    }),
  };
}

/** The appointment as it will be after a PATCH (for the journal until the server answers). */
export function applyPatch(appointment: Appointment, body: AppointmentPatch): Appointment {
  let items = appointment.items;
  if (body.start) {
    const shift = ms(body.start) - ms(appointment.start);
    items = items.map((i) => shiftItem(i, shift));
  }
  if (body.staff_id !== undefined) items = items.map((i) => ({ ...i, staff_id: body.staff_id! }));
  if (body.items) {
    let previousEnd = ms(appointment.start);
    items = body.items.map((input, index) => {
      // moveBody and resizeBody keep the items in their order.
      const old = appointment.items[index] as AppointmentItem | undefined;
      const start = input.start ? ms(input.start) : previousEnd;
      const duration = input.duration ?? old?.duration ?? 0;
      previousEnd = start + duration * MINUTE;
      const base = old ? shiftItem(old, start - ms(old.start)) : undefined;
      return {
        ...(base ?? emptyItem(index)),
        service_id: input.service_id,
        staff_id: input.staff_id,
        start: toIso(start),
        end: toIso(previousEnd),
        duration,
      };
    });
  }
  if (items.length === 0) return appointment;
  const start = Math.min(...items.map((i) => ms(i.start)));
  const end = Math.max(...items.map((i) => ms(i.end)));
  return { ...appointment, items, start: toIso(start), end: toIso(end) };
}

function shiftItem(item: AppointmentItem, shift: number): AppointmentItem {
  if (shift === 0) return item;
  const move = (iso: string) => toIso(ms(iso) + shift);
  return {
    ...item,
    start: move(item.start),
    end: move(item.end),
    processing: item.processing ? { start: move(item.processing.start), end: move(item.processing.end) } : null,
  };
}

function emptyItem(index: number): AppointmentItem {
  return {
    id: -1 - index,
    service_id: 0,
    service_name: '',
    staff_id: 0,
    room_id: null,
    start: '',
    end: '',
    duration: 0,
    buffer_after: 0,
    processing: null,
    price: 0,
    discount_percent: 0,
    amount: 0,
  };
}

/** The journal with one appointment replaced. */
export function withAppointment(journal: Journal, appointment: Appointment): Journal {
  return {
    ...journal,
    appointments: journal.appointments.map((a) => (a.id === appointment.id ? appointment : a)),
  };
}
