import { describe, expect, it } from 'vitest';
import {
  addPhone,
  cleanPhones,
  formatPhone,
  makePrimary,
  phoneErrorIndex,
  phonesForEditing,
  removePhone,
  setPhone,
} from './phoneList';

describe('phone list', () => {
  it('always has at least one input', () => {
    expect(phonesForEditing(undefined)).toEqual(['']);
    expect(phonesForEditing([])).toEqual(['']);
    expect(removePhone(['+380671234567'], 0)).toEqual(['']);
  });

  it('adds, edits, removes and moves to the top', () => {
    let phones = addPhone(['067']);
    expect(phones).toEqual(['067', '']);
    phones = setPhone(phones, 1, '050');
    phones = addPhone(phones);
    phones = setPhone(phones, 2, '093');
    expect(makePrimary(phones, 2)).toEqual(['093', '067', '050']);
    expect(makePrimary(phones, 0)).toEqual(phones);
    expect(removePhone(phones, 1)).toEqual(['067', '093']);
  });

  it('sends trimmed phones without empties and repeats', () => {
    expect(cleanPhones([' 067 123 45 67 ', '', '0671234567', '067-123-45-67', '050'])).toEqual([
      '067 123 45 67',
      '050',
    ]);
  });

  it('maps server error indexes back to the inputs', () => {
    const phones = ['', '067', '067', 'bad'];
    // The server got ['067', 'bad']: its phones[1] is input 3.
    expect(phoneErrorIndex(phones, 1)).toBe(3);
    expect(phoneErrorIndex(phones, 0)).toBe(1);
  });

  it('formats Ukrainian numbers for reading', () => {
    expect(formatPhone('+380671234567')).toBe('+380 67 123 45 67');
    expect(formatPhone('+4915112345678')).toBe('+4915112345678');
  });
});
