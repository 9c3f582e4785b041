// Colours of appointment statuses (Mantine palette names) and who may set which.
import type { Role } from '../identity/types';
import { STATUSES, type AppointmentStatus } from './types';

export const STATUS_COLORS: Record<AppointmentStatus, string> = {
  booked: 'blue',
  confirmed: 'indigo',
  arrived: 'orange',
  completed: 'teal',
  no_show: 'red',
  cancelled: 'gray',
};

/** Background, border and text of a block in a status. */
export function statusLook(status: AppointmentStatus): { background: string; border: string; text: string } {
  const c = STATUS_COLORS[status];
  return {
    background: `var(--mantine-color-${c}-1)`,
    border: `var(--mantine-color-${c}-6)`,
    text: status === 'cancelled' ? 'var(--mantine-color-gray-6)' : `var(--mantine-color-${c}-9)`,
  };
}

/** Statuses after which the time is no longer held or the visit is over. */
export const CLOSED_STATUSES: readonly AppointmentStatus[] = ['completed', 'no_show', 'cancelled'];

export function isClosed(status: AppointmentStatus): boolean {
  return CLOSED_STATUSES.includes(status);
}

/** The status buttons a role sees for an appointment in `current`. */
export function statusChoices(role: Role, current: AppointmentStatus): AppointmentStatus[] {
  const allowed = role === 'master' ? (['arrived', 'completed'] as AppointmentStatus[]) : [...STATUSES];
  return allowed.filter((s) => s !== current);
}
