import { beforeAll, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { ApiError, NETWORK_ERROR } from './api';
import { problemText, splitFieldErrors } from './problems';

const t = i18n.getFixedT('en');

beforeAll(async () => {
  await i18n.changeLanguage('en');
});

describe('splitFieldErrors', () => {
  it('translates field codes for inputs of the form and lists the rest', () => {
    const error = new ApiError(422, {
      code: 'validation-failed',
      title: 'Validation failed',
      errors: [
        { field: 'email', code: 'invalid_email', message: 'bad' },
        { field: 'password', code: 'too_short', message: 'short' },
        { field: 'timezone', code: 'invalid_timezone', message: 'tz' },
      ],
    });
    const { fields, other } = splitFieldErrors(t, error, ['email', 'password']);
    expect(fields).toEqual({ email: 'Enter a valid email address', password: 'Too short' });
    expect(other).toEqual(['timezone: Choose a valid time zone']);
  });

  it("falls back to the server's message for an unknown code", () => {
    const error = new ApiError(422, {
      code: 'validation-failed',
      errors: [{ field: 'name', code: 'brand_new_code', message: 'Server says no' }],
    });
    expect(splitFieldErrors(t, error, ['name']).fields).toEqual({ name: 'Server says no' });
  });

  it('translates in the requested language', () => {
    const error = new ApiError(422, { errors: [{ field: 'email', code: 'required' }] });
    expect(splitFieldErrors(i18n.getFixedT('uk'), error, ['email']).fields.email).toBe("Обов'язкове поле");
    expect(splitFieldErrors(i18n.getFixedT('ru'), error, ['email']).fields.email).toBe('Обязательное поле');
  });

  it('returns nothing for non-API errors', () => {
    expect(splitFieldErrors(t, new Error('x'), ['email'])).toEqual({ fields: {}, other: [] });
  });
});

describe('problemText', () => {
  it('uses our wording for known codes', () => {
    const error = new ApiError(401, { code: 'invalid-credentials', title: 'Invalid credentials' });
    expect(problemText(t, error)).toEqual({ title: 'Wrong email or password.', detail: undefined });
  });

  it("shows the server's localized title and detail for other codes", () => {
    const error = new ApiError(409, { code: 'conflict', title: 'Conflict', detail: 'The last owner stays.' });
    expect(problemText(t, error)).toEqual({ title: 'Conflict', detail: 'The last owner stays.' });
  });

  it('tells when to retry after too many attempts', () => {
    const error = new ApiError(429, { code: 'too-many-requests', title: 'Too many' }, { retryAfter: 600 });
    expect(problemText(t, error).detail).toBe('Try again in 10 min.');
  });

  it('explains a network failure', () => {
    const error = new ApiError(0, { code: NETWORK_ERROR });
    expect(problemText(t, error).title).toMatch(/No connection/);
  });
});
