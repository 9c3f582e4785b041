import { describe, expect, it } from 'vitest';
import { assignableRoles, canListUsers, canManageUser, rolesForExistingUser } from './permissions';

describe('team permissions offered by the UI', () => {
  it('lets owner, admin and manager see the team, not masters', () => {
    expect(canListUsers('owner')).toBe(true);
    expect(canListUsers('admin')).toBe(true);
    expect(canListUsers('manager')).toBe(true);
    expect(canListUsers('master')).toBe(false);
  });

  it('lets an admin add only admins and masters', () => {
    expect(assignableRoles('owner')).toEqual(['owner', 'admin', 'manager', 'master']);
    expect(assignableRoles('admin')).toEqual(['admin', 'master']);
    expect(assignableRoles('manager')).toEqual([]);
  });

  it('keeps owners out of an admin’s reach', () => {
    expect(canManageUser('admin', { role: 'owner' })).toBe(false);
    expect(canManageUser('admin', { role: 'master' })).toBe(true);
    expect(canManageUser('manager', { role: 'master' })).toBe(false);
    expect(rolesForExistingUser('admin', { role: 'owner' })).toEqual(['owner']);
  });

  it("always offers a user's current role in the picker", () => {
    expect(rolesForExistingUser('admin', { role: 'manager' })).toEqual(['admin', 'master', 'manager']);
  });
});
