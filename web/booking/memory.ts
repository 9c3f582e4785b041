// What the page remembers in this browser, per branch, for a returning visitor:
// the last booked services and master (for "Book again"), the name and phone
// (prefilled), and the last booking's manage link.
export interface Memory {
  serviceIds: number[];
  /** null: "any master". */
  staffId: number | null;
  name: string;
  phone: string;
  email: string;
}

export interface LastBooking {
  url: string;
  start: string;
}

const key = (slug: string, what: string) => `kvitka.booking.${what}.${slug}`;

function read<V>(k: string): V | null {
  try {
    const raw = localStorage.getItem(k);
    return raw ? (JSON.parse(raw) as V) : null;
  } catch {
    return null;
  }
}

function write(k: string, v: unknown): void {
  try {
    localStorage.setItem(k, JSON.stringify(v));
  } catch {
    // storage disabled: nothing remembered, nothing broken
  }
}

export function loadMemory(slug: string): Memory | null {
  const m = read<Partial<Memory>>(key(slug, 'memory'));
  if (!m || !Array.isArray(m.serviceIds) || !m.serviceIds.every((id) => Number.isInteger(id))) return null;
  return {
    serviceIds: m.serviceIds,
    staffId: Number.isInteger(m.staffId) ? (m.staffId as number) : null,
    name: typeof m.name === 'string' ? m.name : '',
    phone: typeof m.phone === 'string' ? m.phone : '',
    email: typeof m.email === 'string' ? m.email : '',
  };
}

export const saveMemory = (slug: string, m: Memory) => write(key(slug, 'memory'), m);

export function loadLastBooking(slug: string): LastBooking | null {
  const b = read<LastBooking>(key(slug, 'last'));
  return b && typeof b.url === 'string' && typeof b.start === 'string' ? b : null;
}

export const saveLastBooking = (slug: string, b: LastBooking) => write(key(slug, 'last'), b);

/** The manage page saw what became of the booking: a moved one keeps its link, a cancelled one is forgotten. */
export function updateLastBooking(slug: string, token: string, start: string, cancelled: boolean): void {
  const b = loadLastBooking(slug);
  if (!b || !b.url.endsWith(`/m/${token}`)) return;
  if (cancelled) {
    try {
      localStorage.removeItem(key(slug, 'last'));
    } catch {
      // storage disabled
    }
  } else if (b.start !== start) saveLastBooking(slug, { url: b.url, start });
}
