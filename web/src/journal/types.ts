// Shapes of the booking API (journal, appointments, group classes, waitlist).
// Instants are RFC 3339, dates YYYY-MM-DD, durations minutes, money minor units.

export const STATUSES = ['booked', 'confirmed', 'arrived', 'completed', 'no_show', 'cancelled'] as const;
export type AppointmentStatus = (typeof STATUSES)[number];

export const SOURCES = ['front_desk', 'phone', 'online', 'messenger'] as const;
export type AppointmentSource = (typeof SOURCES)[number];

export type CancelledBy = 'client' | 'salon';
export type Scope = 'this' | 'following';

export interface Span {
  start: string;
  end: string;
}

export interface AppointmentClient {
  id: number;
  name: string;
  /** Absent for masters. */
  phone?: string;
  tags: { id: number; name: string; color: string }[];
  discount_percent: number;
  notes: string;
  visits: number;
}

export interface AppointmentItem {
  id: number;
  service_id: number;
  service_name: string;
  staff_id: number;
  room_id: number | null;
  start: string;
  end: string;
  duration: number;
  buffer_after: number;
  /** Inside the service the master is free (the client waits, e.g. hair colour). */
  processing: Span | null;
  price: number;
  discount_percent: number;
  amount: number;
}

export interface Visit {
  notes: string;
  formula: string;
  photo_file_ids: number[];
}

export interface Appointment {
  id: number;
  branch_id: number;
  client_id: number;
  client: AppointmentClient;
  status: AppointmentStatus;
  source: AppointmentSource;
  notes: string;
  cancel_reason: string;
  cancelled_by: CancelledBy | null;
  start: string;
  end: string;
  items: AppointmentItem[];
  total: number;
  version: number;
  series_id: number | null;
  group_event_id: number | null;
  visit: Visit;
  created_at: string;
  updated_at: string;
  /** POST with recurrence: every occurrence. */
  series?: { id: number; start: string }[];
}

export interface JournalStaff {
  id: number;
  name: string;
  position: string;
  color: string;
  booking_step: number;
  working: Span[];
}

export interface GroupParticipant {
  appointment_id: number;
  client_id: number;
  name: string;
  status: AppointmentStatus;
}

export interface GroupEvent {
  id: number;
  branch_id: number;
  service_id: number;
  service_name: string;
  staff_id: number;
  room_id: number | null;
  start: string;
  end: string;
  capacity: number;
  seats_taken: number;
  status: 'scheduled' | 'cancelled';
  notes: string;
  price: number;
  participants: GroupParticipant[];
}

export interface Journal {
  branch_id: number;
  timezone: string;
  date: string;
  days: number;
  staff: JournalStaff[];
  appointments: Appointment[];
  group_events: GroupEvent[];
  closed_days: string[];
}

/** One service of POST /appointments and PATCH items. */
export interface ItemInput {
  service_id: number;
  staff_id: number;
  start?: string;
  duration?: number;
  price?: number;
  discount_percent?: number;
  room_id?: number;
}

export interface Recurrence {
  every: number;
  unit: 'day' | 'week';
  until?: string;
  count?: number;
}

export interface AppointmentInput {
  branch_id: number;
  client_id: number;
  items: ItemInput[];
  notes?: string;
  source?: AppointmentSource;
  allow_outside_hours?: boolean;
  recurrence?: Recurrence;
}

export interface AppointmentPatch {
  items?: ItemInput[];
  start?: string;
  staff_id?: number;
  notes?: string;
  allow_outside_hours?: boolean;
  scope?: Scope;
}

export interface StatusInput {
  status: AppointmentStatus;
  reason?: string;
  cancelled_by?: CancelledBy;
  scope?: Scope;
}

export interface GroupEventInput {
  branch_id: number;
  service_id: number;
  staff_id: number;
  start: string;
  capacity?: number;
  notes?: string;
}

export const WAITLIST_STATUSES = ['waiting', 'offered', 'booked', 'closed'] as const;
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number];

export interface WaitlistEntry {
  id: number;
  branch_id: number;
  client_id: number;
  client: { id: number; name: string; phone?: string };
  service_ids: number[];
  staff_id: number | null;
  date_from: string;
  date_to: string;
  time_from: string | null;
  time_to: string | null;
  notes: string;
  status: WaitlistStatus;
  offered_start: string | null;
  offered_staff_id: number | null;
  created_at: string;
}

export interface WaitlistInput {
  branch_id: number;
  client_id: number;
  service_ids: number[];
  staff_id?: number;
  date_from: string;
  date_to: string;
  time_from?: string;
  time_to?: string;
  notes?: string;
}

/** data of an SSE event of /events. */
export interface LiveEvent {
  kind?: string;
  appointment_id?: number;
  group_event_id?: number;
  waitlist_id?: number;
  branch_id?: number;
  source?: AppointmentSource;
  status?: AppointmentStatus;
  version?: number;
}
