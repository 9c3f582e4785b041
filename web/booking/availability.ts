// Availability by week, cached per (services, master, dates): the first week is
// fetched as soon as the branch is known (often before the time step opens),
// and the picker renders straight from an answer that is already here.
import { type Availability, getAvailability } from './api';

const pending = new Map<string, Promise<Availability>>();
const answers = new Map<string, Availability>();

const keyOf = (slug: string, serviceIds: readonly number[], staffId: number | null, from: string, to: string) =>
  [slug, serviceIds.join(','), staffId ?? '', from, to].join('|');

export function loadAvailability(
  slug: string,
  serviceIds: readonly number[],
  staffId: number | null,
  from: string,
  to: string,
): Promise<Availability> {
  const k = keyOf(slug, serviceIds, staffId, from, to);
  let p = pending.get(k);
  if (!p) {
    p = getAvailability(slug, serviceIds, staffId, from, to);
    pending.set(k, p);
    p.then(
      (a) => {
        if (pending.get(k) === p) answers.set(k, a);
      },
      () => {
        if (pending.get(k) === p) pending.delete(k);
      },
    );
  }
  return p;
}

/** The answer, when it has already come. */
export function peekAvailability(
  slug: string,
  serviceIds: readonly number[],
  staffId: number | null,
  from: string,
  to: string,
): Availability | undefined {
  return answers.get(keyOf(slug, serviceIds, staffId, from, to));
}

/** Forget everything (a time was taken meanwhile, or the booking moved). */
export function dropAvailability(): void {
  pending.clear();
  answers.clear();
}
