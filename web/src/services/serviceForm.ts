// The service form's values and how they map to and from the API.
import type { TFunction } from 'i18next';
import { isApiError } from '../app/api';
import { fieldErrorText } from '../app/problems';
import type { Service, ServiceInput, ServiceStaff } from './types';

export interface ServiceFormValues {
  name: string;
  description: string;
  /** A category id as a string (Select value), or null for none. */
  category_id: string | null;
  duration: number;
  /** Minor units; undefined while the input is empty. */
  price_min: number | undefined;
  price_max: number | undefined;
  buffer_after: number;
  processing: boolean;
  processing_start: number;
  processing_duration: number;
  online_booking: boolean;
  group: boolean;
  capacity: number;
  room_ids: string[];
  repeat: boolean;
  repeat_after_days: number;
  staff: ServiceStaff[];
}

export function emptyServiceValues(categoryId: number | null = null): ServiceFormValues {
  return {
    name: '',
    description: '',
    category_id: categoryId === null ? null : String(categoryId),
    duration: 60,
    price_min: undefined,
    price_max: undefined,
    buffer_after: 0,
    processing: false,
    processing_start: 30,
    processing_duration: 15,
    online_booking: true,
    group: false,
    capacity: 1,
    room_ids: [],
    repeat: false,
    repeat_after_days: 21,
    staff: [],
  };
}

export function valuesFromService(s: Service): ServiceFormValues {
  return {
    name: s.name ?? '',
    description: s.description ?? '',
    category_id: s.category_id === null || s.category_id === undefined ? null : String(s.category_id),
    duration: s.duration,
    price_min: s.price_min,
    price_max: s.price_max ?? undefined,
    buffer_after: s.buffer_after ?? 0,
    processing: !!s.processing,
    processing_start: s.processing?.start ?? 30,
    processing_duration: s.processing?.duration ?? 15,
    online_booking: s.online_booking,
    group: s.group,
    capacity: s.capacity ?? 1,
    room_ids: (s.room_ids ?? []).map(String),
    repeat: s.repeat_after_days !== null && s.repeat_after_days !== undefined,
    repeat_after_days: s.repeat_after_days ?? 21,
    staff: (s.staff ?? []).map((x) => ({ ...x })),
  };
}

/** Every field of the form as an API body. */
export function bodyFromValues(v: ServiceFormValues): ServiceInput {
  const min = v.price_min ?? 0;
  const max = v.price_max === undefined || v.price_max === min ? null : v.price_max;
  return {
    category_id: v.category_id === null || v.category_id === '' ? null : Number(v.category_id),
    name: v.name.trim(),
    description: v.description.trim(),
    duration: v.duration,
    price_min: min,
    price_max: max,
    buffer_after: v.buffer_after,
    processing: v.processing ? { start: v.processing_start, duration: v.processing_duration } : null,
    online_booking: v.online_booking,
    group: v.group,
    capacity: v.group ? v.capacity : 1,
    room_ids: v.room_ids.map(Number),
    repeat_after_days: v.repeat ? v.repeat_after_days : null,
    staff: v.staff.map((s) => ({
      staff_id: s.staff_id,
      price_min: s.price_min,
      price_max: s.price_min === null || s.price_max === s.price_min ? null : s.price_max,
      duration: s.duration,
    })),
  };
}

/** The checks the server makes, done before sending (error texts keyed by form path). */
export function validateService(t: TFunction, v: ServiceFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.name.trim()) errors.name = t('errors.field.required');
  if (!(v.duration >= 5 && v.duration <= 1440 && v.duration % 5 === 0)) errors.duration = t('errors.field.out_of_range');
  if (v.price_min === undefined) errors.price_min = t('errors.field.required');
  else if (v.price_min < 0) errors.price_min = t('errors.field.out_of_range');
  if (v.price_max !== undefined && v.price_min !== undefined && v.price_max < v.price_min)
    errors.price_max = t('services.form.maxBelowMin');
  if (v.buffer_after < 0 || v.buffer_after > 240) errors.buffer_after = t('errors.field.out_of_range');
  if (v.group && !(v.capacity >= 2)) errors.capacity = t('services.form.groupCapacity');
  if (v.processing) {
    if (!(v.processing_start > 0) || !(v.processing_duration > 0) || v.processing_start + v.processing_duration >= v.duration)
      errors.processing_start = t('services.form.processingInside');
  }
  if (v.repeat && !(v.repeat_after_days >= 1)) errors.repeat_after_days = t('errors.field.out_of_range');
  v.staff.forEach((s, i) => {
    if (s.price_min !== null && s.price_max !== null && s.price_max < s.price_min)
      errors[`staff.${i}.price_max`] = t('services.form.maxBelowMin');
  });
  return errors;
}

/** API field name -> form path: "processing.start" -> "processing_start", "room_ids[1]" -> "room_ids". */
export function formPathOf(field: string, staff: readonly ServiceStaff[]): string | null {
  const simple = ['name', 'description', 'category_id', 'duration', 'price_min', 'price_max', 'buffer_after', 'online_booking', 'group', 'capacity', 'repeat_after_days'];
  if (simple.includes(field)) return field;
  if (field.startsWith('processing')) return 'processing_start';
  if (field.startsWith('room_ids')) return 'room_ids';
  const m = /^staff\[(\d+)\](?:\.(\w+))?$/.exec(field);
  if (m) {
    const i = Number(m[1]);
    if (i < staff.length && m[2] && m[2] !== 'staff_id') return `staff.${i}.${m[2]}`;
    return 'staff';
  }
  return null;
}

/** Field errors of a failed save keyed by form path, and lines for the rest. */
export function serviceFormErrors(
  t: TFunction,
  error: unknown,
  staff: readonly ServiceStaff[],
): { fields: Record<string, string>; other: string[] } {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  if (!isApiError(error)) return { fields, other };
  for (const fe of error.fieldErrors) {
    const text = fieldErrorText(t, fe);
    const path = formPathOf(fe.field, staff);
    if (path) {
      if (!(path in fields)) fields[path] = text;
    } else other.push(`${fe.field}: ${text}`);
  }
  return { fields, other };
}
