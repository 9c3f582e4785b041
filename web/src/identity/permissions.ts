import type { Role, User } from './types';

// Mirrors the server's rules so the UI only offers what will be allowed; the
// server stays the authority and its 403 answers are shown as they come.

export function canListUsers(role: Role): boolean {
  return role === 'owner' || role === 'admin' || role === 'manager';
}

/** Roles the actor may give to a new user. */
export function assignableRoles(actor: Role): Role[] {
  switch (actor) {
    case 'owner':
      return ['owner', 'admin', 'manager', 'master'];
    case 'admin':
      return ['admin', 'master'];
    default:
      return [];
  }
}

export function canAddUsers(actor: Role): boolean {
  return assignableRoles(actor).length > 0;
}

/** Whether the actor may change role or status of the target user. */
export function canManageUser(actor: Role, target: Pick<User, 'role'>): boolean {
  if (actor === 'owner') return true;
  if (actor === 'admin') return target.role !== 'owner';
  return false;
}

/** Roles offered in the role picker for an existing user (its own role included). */
export function rolesForExistingUser(actor: Role, target: Pick<User, 'role'>): Role[] {
  if (!canManageUser(actor, target)) return [target.role];
  const roles = assignableRoles(actor);
  return roles.includes(target.role) ? roles : [...roles, target.role];
}
