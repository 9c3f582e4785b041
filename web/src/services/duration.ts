// Durations of services, in minutes.
import type { TFunction } from 'i18next';

/** 45 -> "45 min", 60 -> "1 h", 90 -> "1 h 30 min" in the interface language. */
export function formatDuration(t: TFunction, minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t('services.duration.m', { m });
  if (m === 0) return t('services.duration.h', { h });
  return t('services.duration.hm', { h, m });
}

/** from, from+step, ..., to. */
export function minuteSteps(from: number, to: number, step = 5): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

/** Service durations a salon picks from: 5 minutes to 24 hours in 5-minute steps. */
export const DURATIONS = minuteSteps(5, 1440);
/** Cleaning time after a service: 0 to 4 hours. */
export const BUFFERS = minuteSteps(0, 240);
