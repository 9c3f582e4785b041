import { describe, expect, it } from 'vitest';
import { columnsFor, columnsOffered, COLUMNS_STORAGE_KEY, DEFAULT_COLUMNS, loadColumns, saveColumns } from './columns';

describe('list columns', () => {
  it('remembers the choice in localStorage', () => {
    expect(loadColumns()).toEqual(DEFAULT_COLUMNS);
    saveColumns(['visits', 'email', 'phone']);
    expect(JSON.parse(localStorage.getItem(COLUMNS_STORAGE_KEY)!)).toEqual(['phone', 'email', 'visits']);
    expect(loadColumns()).toEqual(['phone', 'email', 'visits']);
  });

  it('survives garbage in storage', () => {
    localStorage.setItem(COLUMNS_STORAGE_KEY, '{not json');
    expect(loadColumns()).toEqual(DEFAULT_COLUMNS);
    localStorage.setItem(COLUMNS_STORAGE_KEY, '["phone","nope"]');
    expect(loadColumns()).toEqual(['phone']);
  });

  it('never gives masters contact columns', () => {
    expect(columnsFor('master', ['phone', 'email', 'tags'])).toEqual(['tags']);
    expect(columnsFor('admin', ['phone', 'email', 'tags'])).toEqual(['phone', 'email', 'tags']);
    expect(columnsOffered('master')).not.toContain('phone');
    expect(columnsOffered('master')).not.toContain('email');
  });
});
