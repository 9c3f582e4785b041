// Short human descriptions of schedule patterns for lists.
import type { TFunction } from 'i18next';
import { intervalsText } from './time';
import type { Interval, Pattern } from './types';

/** "Mon–Fri 09:00–18:00 · Sat 10:00–16:00", "2/2 · 09:00–21:00", "09:00–18:00". */
export function patternSummary(t: TFunction, p: Pattern, weekdays: readonly string[]): string {
  if (p.kind === 'weekly') {
    const lists = p.weekdays ?? [];
    const parts: string[] = [];
    let i = 0;
    while (i < 7) {
      const text = intervalsText(lists[i] ?? []);
      let j = i;
      while (j + 1 < 7 && intervalsText(lists[j + 1] ?? []) === text) j++;
      if (text) parts.push(`${j > i ? `${weekdays[i]}–${weekdays[j]}` : weekdays[i]} ${text}`);
      i = j + 1;
    }
    return parts.join(' · ') || t('staff.schedule.allOff');
  }
  if (p.kind === 'cycle') {
    const cycle = p.cycle ?? [];
    const on = cycle.findIndex((d) => d.length === 0);
    const n = on === -1 ? cycle.length : on;
    const shaped = cycle.slice(n).every((d) => d.length === 0);
    const hours = distinct(cycle.filter((d) => d.length > 0));
    if (shaped && hours.length === 1) return `${n}/${cycle.length - n} · ${hours[0]}`;
    return t('staff.schedule.cycleLength', { n: cycle.length });
  }
  return intervalsText(p.day ?? []);
}

function distinct(days: Interval[][]): string[] {
  return [...new Set(days.map((d) => intervalsText(d)))];
}

/** The pattern in effect on a date: the latest start on or before it that has not ended. */
export function patternOn(patterns: readonly Pattern[], date: string): number {
  let best = -1;
  patterns.forEach((p, i) => {
    if (p.valid_from > date || (p.valid_until && p.valid_until < date)) return;
    if (best === -1 || p.valid_from > patterns[best].valid_from) best = i;
  });
  return best;
}
