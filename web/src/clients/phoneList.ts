// The phone list of a client form: the first phone is the primary one.

/** At least one (possibly empty) input is always shown. */
export function phonesForEditing(phones: readonly string[] | undefined): string[] {
  return phones && phones.length > 0 ? [...phones] : [''];
}

export function addPhone(phones: readonly string[]): string[] {
  return [...phones, ''];
}

/** Removes one phone; removing the last one leaves a single empty input. */
export function removePhone(phones: readonly string[], index: number): string[] {
  const next = phones.filter((_, i) => i !== index);
  return next.length > 0 ? next : [''];
}

export function setPhone(phones: readonly string[], index: number, value: string): string[] {
  return phones.map((p, i) => (i === index ? value : p));
}

/** Moves a phone to the top: it becomes the primary one. */
export function makePrimary(phones: readonly string[], index: number): string[] {
  if (index <= 0 || index >= phones.length) return [...phones];
  return [phones[index], ...phones.filter((_, i) => i !== index)];
}

/** What is sent to the server: trimmed, no empty entries, no repeats (the order kept). */
export function cleanPhones(phones: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const p of phones) {
    const v = p.trim();
    const key = v.replace(/[^\d+]/g, '');
    if (!v || seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}

/**
 * Maps server field errors "phones[2]" back to input indexes. The server
 * numbers the cleaned list; this translates to the inputs as shown.
 */
export function phoneErrorIndex(phones: readonly string[], serverIndex: number): number {
  let seen = -1;
  const keys = new Set<string>();
  for (let i = 0; i < phones.length; i++) {
    const v = phones[i].trim();
    const key = v.replace(/[^\d+]/g, '');
    if (!v || keys.has(key)) continue;
    keys.add(key);
    seen++;
    if (seen === serverIndex) return i;
  }
  return Math.min(serverIndex, phones.length - 1);
}

/** +380671234567 -> "+380 67 123 45 67"; other numbers stay as they are. */
export function formatPhone(e164: string): string {
  const ua = /^\+380(\d{2})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  if (ua) return `+380 ${ua[1]} ${ua[2]} ${ua[3]} ${ua[4]}`;
  return e164;
}
