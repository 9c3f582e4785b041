import { describe, expect, it } from 'vitest';
import { ApiError } from '../app/api';
import i18n from '../i18n';
import { createBody, emptyClientValues, formErrors, patchBody, valuesFromClient } from './clientForm';
import { makeClient } from './testFixtures';

describe('client form values', () => {
  it('sends nothing for an unchanged client', () => {
    const c = makeClient();
    expect(patchBody(c, valuesFromClient(c), { contacts: true })).toEqual({});
  });

  it('sends changed fields, nulls for emptied ones and tag ids', () => {
    const c = makeClient();
    const v = valuesFromClient(c);
    v.email = '  ';
    v.tag_ids = [1, 2];
    v.consent = { ...v.consent, viber: true };
    v.phones = ['+380671234567', '', ' 050 111 22 33 '];
    expect(patchBody(c, v, { contacts: true })).toEqual({
      email: null,
      tag_ids: [1, 2],
      consent: { sms: true, telegram: false, viber: true, email: true },
      phones: ['+380671234567', '050 111 22 33'],
    });
  });

  it('does not count a formatted phone as a change', () => {
    const c = makeClient({ phones: ['+380671234567'] });
    const v = valuesFromClient(c);
    expect(v.phones).toEqual(['+380 67 123 45 67']);
    v.phones = ['+380671234567'];
    expect(patchBody(c, v, { contacts: true })).toEqual({});
  });

  it('never sends contacts for masters', () => {
    const c = makeClient({}, 'master');
    const v = valuesFromClient(c);
    v.notes = 'new';
    expect(patchBody(c, v, { contacts: false })).toEqual({ notes: 'new' });
  });

  it('leaves empty fields out of a new client', () => {
    const v = emptyClientValues();
    v.first_name = ' Ira ';
    expect(createBody(v)).toEqual({ first_name: 'Ira' });
  });

  it('maps server field errors to form paths', async () => {
    await i18n.changeLanguage('en');
    const error = new ApiError(422, {
      code: 'validation-failed',
      errors: [
        { field: 'phones[0]', code: 'invalid_phone' },
        { field: 'email', code: 'invalid_email' },
        { field: 'preferred_staff_ids', code: 'invalid_value', message: 'unknown master' },
      ],
    });
    const { fields, other } = formErrors(i18n.t, error, ['', '067']);
    expect(fields).toEqual({ 'phones.1': 'Enter a valid phone number', email: 'Enter a valid email address' });
    expect(other).toEqual(['preferred_staff_ids: Invalid value']);
  });
});
