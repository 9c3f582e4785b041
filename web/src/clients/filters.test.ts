import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  filterFromParams,
  filterFromSegment,
  filterToParams,
  filterToSegment,
  rangeErrors,
  sameFilter,
  withoutKey,
  type ClientFilter,
} from './filters';

const full: ClientFilter = {
  q: 'Олена 067',
  tag_ids: [1, 7],
  gender: 'female',
  age_min: 18,
  age_max: 45,
  birthday_from: '05-01',
  birthday_to: '05-31',
  source: 'instagram',
  consent: 'sms',
  created_from: '2025-01-01',
  created_to: '2025-12-31',
  last_visit_before: '2026-01-01',
  last_visit_after: '2025-06-01',
  visits_min: 2,
  visits_max: 20,
  spent_min: 100000,
  spent_max: 2500050,
  no_shows_min: 1,
  sleeping_days: 60,
  archived: true,
};

describe('client filter <-> query string', () => {
  it('round-trips every filter through a query string', () => {
    const qs = filterToParams(full).toString();
    expect(filterFromParams(new URLSearchParams(qs))).toEqual(full);
  });

  it('writes the contract parameter names and formats in a fixed order', () => {
    const qs = filterToParams({ spent_min: 150, tag_ids: [3, 1], q: 'a b' }).toString();
    expect(qs).toBe('q=a+b&tag_ids=3%2C1&spent_min=150');
    expect(filterToParams({ sleeping_days: 30, gender: 'male' }).toString()).toBe('gender=male&sleeping_days=30');
  });

  it('leaves out empty values', () => {
    expect(filterToParams({ q: '  ', tag_ids: [] }).toString()).toBe('');
    expect(filterToParams({}).toString()).toBe('');
  });

  it('ignores unknown keys and invalid values in a query string', () => {
    const params = new URLSearchParams(
      'q=x&gender=robot&age_min=-3&age_max=abc&birthday_from=13-01&birthday_to=02-29&source=tv&consent=pigeon' +
        '&created_from=2025-1-1&visits_min=1.5&tag_ids=1,x,2,2&spent_max=99&foo=bar&cursor=zzz',
    );
    expect(filterFromParams(params)).toEqual({ q: 'x', birthday_to: '02-29', tag_ids: [1, 2], spent_max: 99 });
    expect(filterFromParams(new URLSearchParams('birthday_from=02-30&birthday_to=04-31'))).toEqual({});
  });

  it('round-trips through a segment filter object (ids as an array, numbers as numbers)', () => {
    const seg = filterToSegment(full);
    expect(seg.tag_ids).toEqual([1, 7]);
    expect(seg.spent_min).toBe(100000);
    expect(filterFromSegment(JSON.parse(JSON.stringify(seg)))).toEqual(full);
    // A segment saved with a comma list or numeric strings reads the same.
    expect(filterFromSegment({ tag_ids: '1,7', visits_min: '2' })).toEqual({ tag_ids: [1, 7], visits_min: 2 });
    expect(filterFromSegment(null)).toEqual({});
    expect(filterFromSegment({ archived: false, q: 'x' })).toEqual({ q: 'x' });
  });

  it('compares filters by meaning', () => {
    expect(sameFilter({ tag_ids: [1], q: 'a' }, { q: 'a ', tag_ids: [1] })).toBe(true);
    expect(sameFilter({ tag_ids: [1] }, { tag_ids: [1, 2] })).toBe(false);
  });

  it('counts active filters besides the search and removes one', () => {
    expect(activeFilterCount(full)).toBe(19);
    expect(activeFilterCount({ q: 'x' })).toBe(0);
    expect(withoutKey({ q: 'x', gender: 'male' }, 'gender')).toEqual({ q: 'x' });
  });

  it('finds reversed ranges', () => {
    expect(rangeErrors({ age_min: 40, age_max: 20, spent_min: 1, spent_max: 2 })).toEqual(['age_max']);
    expect(rangeErrors({ created_from: '2025-02-01', created_to: '2025-01-01' })).toEqual(['created_to']);
    expect(rangeErrors(full)).toEqual([]);
  });
});
