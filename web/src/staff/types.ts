// Shapes of the staff API (masters, schedules, absences, calendar feeds).

export const BOOKING_STEPS = [5, 10, 15, 20, 30, 60] as const;

export interface Staff {
  id: number;
  branch_id: number;
  name: string;
  position: string;
  bio: string;
  /** E.164; absent or null for masters looking at other masters. */
  phone?: string | null;
  email?: string | null;
  color: string;
  photo_file_id: number | null;
  /** Public address of the photo (/api/v1/public/staff/{id}/photo?v=...), null without one. */
  photo_url?: string | null;
  service_ids: number[];
  online_booking: boolean;
  booking_step: number;
  hire_date: string | null;
  work_permit_expires: string | null;
  /** The permit expires within 30 days or has expired. */
  work_permit_warning: boolean;
  user_id: number | null;
  archived: boolean;
  created_at: string;
}

export type StaffInput = Partial<Omit<Staff, 'id' | 'work_permit_warning' | 'archived' | 'created_at' | 'photo_url'>>;

/** Local times "HH:MM"; an end before the start runs past midnight. */
export interface Interval {
  start: string;
  end: string;
}

export const PATTERN_KINDS = ['weekly', 'cycle', 'even_dates', 'odd_dates', 'every_day'] as const;
export type PatternKind = (typeof PATTERN_KINDS)[number];

export interface Pattern {
  kind: PatternKind;
  valid_from: string;
  valid_until: string | null;
  /** weekly: 7 lists, Monday first ([] = day off). */
  weekdays?: Interval[][];
  /** cycle: one list per day of the cycle ([] = day off). */
  cycle?: Interval[][];
  /** even_dates, odd_dates, every_day. */
  day?: Interval[];
}

export interface ScheduleException {
  date: string;
  /** [] = a day off. */
  intervals: Interval[];
}

export interface Schedule {
  patterns: Pattern[];
  exceptions: ScheduleException[];
}

export const ABSENCE_REASONS = ['vacation', 'sick_leave', 'training', 'unpaid', 'truancy', 'other'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

/** Mantine colours of absence reasons. */
export const REASON_COLORS: Record<AbsenceReason, string> = {
  vacation: 'teal',
  sick_leave: 'red',
  training: 'indigo',
  unpaid: 'yellow',
  truancy: 'dark',
  other: 'gray',
};

export interface Absence {
  id: number;
  from: string;
  to: string;
  reason: AbsenceReason;
  note: string;
}

export interface WorkIntervals {
  staff_id: number;
  timezone: string;
  /** Instants with the branch's offset. */
  intervals: { start: string; end: string }[];
}

export interface ClosedDay {
  date: string;
  reason: string;
}

/** A master's chats with the salon's bot: where their notices can go besides SMS and email. */
export interface StaffChannels {
  telegram: { linked: boolean; linked_at: string | null };
}

/** A single-use link to the salon's Telegram bot for the master (30 days), with its QR code. */
export interface StaffTelegramLink {
  url: string;
  expires_at: string;
  qr_svg: string | null;
}
