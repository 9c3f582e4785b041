import { describe, expect, it } from 'vitest';
import { audienceMode, audienceOf, campaignFieldErrors, draftOf, emptyDraft, inputOf, sameDraft, type Campaign } from './campaigns';

const base: Campaign = {
  id: 1,
  name: ' Autumn ',
  channel: 'sms',
  audience: {},
  subject: 'Ignored for SMS',
  body: 'Hi {{opt_out}}',
  per_minute: 60,
  status: 'draft',
  send_at: null,
  recipients: 0,
  sms_parts: 0,
  created_at: '2026-11-01T10:00:00Z',
  updated_at: '2026-11-01T10:00:00Z',
};

describe('campaign audience', () => {
  it('reads everyone, a segment, tags, or other filters', () => {
    expect(audienceMode({})).toBe('all');
    expect(audienceMode({ segment_id: '' })).toBe('all');
    expect(audienceMode({ segment_id: '5' })).toBe('segment');
    expect(audienceMode({ tag_ids: '2,1' })).toBe('tags');
    expect(audienceMode({ tag_ids: 'x' })).toBe('filter');
    expect(audienceMode({ segment_id: '5', q: 'olena' })).toBe('filter');
    expect(audienceMode({ gender: 'female' })).toBe('filter');
  });

  it('keeps filters it has no input for, and never turns an unchosen segment or tags into everyone', () => {
    const filtered = draftOf({ ...base, audience: { gender: 'female', age_min: '30' } });
    expect(filtered.mode).toBe('filter');
    expect(inputOf(filtered).audience).toEqual({ gender: 'female', age_min: '30' });
    expect(audienceOf({ ...emptyDraft(), mode: 'segment' })).toBeNull();
    expect(audienceOf({ ...emptyDraft(), mode: 'tags' })).toBeNull();
    expect(audienceOf({ ...emptyDraft(), mode: 'tags', tagIds: [3, 1] })).toEqual({ tag_ids: '1,3' });
    expect(audienceOf({ ...emptyDraft(), mode: 'segment', segmentId: 4 })).toEqual({ segment_id: '4' });
  });
});

describe('campaign form', () => {
  it('sends the subject for email only and the name trimmed', () => {
    expect(inputOf(draftOf(base))).toEqual({
      name: 'Autumn',
      channel: 'sms',
      audience: {},
      subject: '',
      body: 'Hi {{opt_out}}',
      per_minute: 60,
    });
    expect(inputOf(draftOf({ ...base, channel: 'email' })).subject).toBe('Ignored for SMS');
  });

  it('tells a changed draft from the saved one', () => {
    const d = draftOf({ ...base, audience: { tag_ids: '1' } });
    expect(sameDraft(d, draftOf({ ...base, audience: { tag_ids: '1' } }))).toBe(true);
    expect(sameDraft(d, { ...d, tagIds: [1, 2] })).toBe(false);
    // Switching to a segment without choosing one is a change, not "everyone".
    expect(sameDraft(draftOf(base), { ...draftOf(base), mode: 'segment' })).toBe(false);
  });

  it('puts the client filter\'s own errors under the audience', () => {
    const fields = campaignFieldErrors([
      { field: 'audience.tag_ids', code: 'invalid_value' },
      { field: 'segment_id', code: 'not_found' },
      { field: 'body', code: 'opt_out_required' },
    ]).map((x) => x.field);
    expect(fields).toEqual(['audience', 'audience', 'body']);
  });
});
