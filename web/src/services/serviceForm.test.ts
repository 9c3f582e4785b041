import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { ApiError } from '../app/api';
import { bodyFromValues, emptyServiceValues, serviceFormErrors, validateService, valuesFromService } from './serviceForm';
import type { Service } from './types';

const t = i18n.getFixedT('en');

const service: Service = {
  id: 5,
  category_id: 2,
  name: 'Colouring',
  description: 'One tone',
  duration: 120,
  price_min: 150000,
  price_max: 250000,
  buffer_after: 10,
  processing: { start: 30, duration: 40 },
  online_booking: true,
  group: false,
  capacity: 1,
  room_ids: [1],
  repeat_after_days: 42,
  staff: [{ staff_id: 3, price_min: 180000, price_max: null, duration: 150 }],
  position: 0,
  archived: false,
  created_at: '2026-01-01T00:00:00Z',
};

describe('service form', () => {
  it('round-trips a service through the form', () => {
    const body = bodyFromValues(valuesFromService(service));
    expect(body).toEqual({
      category_id: 2,
      name: 'Colouring',
      description: 'One tone',
      duration: 120,
      price_min: 150000,
      price_max: 250000,
      buffer_after: 10,
      processing: { start: 30, duration: 40 },
      online_booking: true,
      group: false,
      capacity: 1,
      room_ids: [1],
      repeat_after_days: 42,
      staff: [{ staff_id: 3, price_min: 180000, price_max: null, duration: 150 }],
    });
  });

  it('sends nulls for what is switched off', () => {
    const v = { ...emptyServiceValues(null), name: ' Manicure ', price_min: 50000, processing: false, repeat: false };
    const body = bodyFromValues(v);
    expect(body.name).toBe('Manicure');
    expect(body.category_id).toBeNull();
    expect(body.price_max).toBeNull();
    expect(body.processing).toBeNull();
    expect(body.repeat_after_days).toBeNull();
    expect(body.capacity).toBe(1);
    expect(bodyFromValues({ ...v, group: true, capacity: 10 }).capacity).toBe(10);
  });

  it('checks what the server checks', () => {
    expect(validateService(t, emptyServiceValues())).toEqual({ name: 'This field is required', price_min: 'This field is required' });
    const v = { ...valuesFromService(service), price_max: 100000, group: true, capacity: 1, processing_start: 100, processing_duration: 30 };
    expect(Object.keys(validateService(t, v)).sort()).toEqual(['capacity', 'price_max', 'processing_start']);
  });

  it('puts server field errors next to their inputs', () => {
    const error = new ApiError(422, {
      code: 'validation-failed',
      errors: [
        { field: 'duration', code: 'invalid_value' },
        { field: 'processing.start', code: 'out_of_range' },
        { field: 'room_ids[0]', code: 'not_found' },
        { field: 'staff[0].price_max', code: 'out_of_range' },
        { field: 'staff[1].staff_id', code: 'not_found' },
        { field: 'mystery', code: 'invalid_value' },
      ],
    });
    const { fields, other } = serviceFormErrors(t, error, service.staff);
    expect(fields).toEqual({
      duration: 'Invalid value',
      processing_start: 'The value is out of range',
      room_ids: 'Not found',
      'staff.0.price_max': 'The value is out of range',
      staff: 'Not found',
    });
    expect(other).toEqual(['mystery: Invalid value']);
  });
});
