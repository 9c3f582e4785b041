// Lists the master screens pick from: services and the salon's users.
import { useQuery } from '@tanstack/react-query';
import { canListUsers } from '../identity/permissions';
import { listUsers } from '../identity/api';
import { useAuthedSession } from '../identity/session';
import type { Branch } from '../identity/types';
import { catalogKeys, listServices } from '../services/api';

export function useServicesList(enabled = true) {
  return useQuery({
    queryKey: catalogKeys.services(false),
    queryFn: ({ signal }) => listServices({}, signal),
    enabled,
  });
}

/** Users a master can be linked to; null data when the role may not list them. */
export function useUsersList(enabled = true) {
  const session = useAuthedSession();
  const allowed = canListUsers(session.role);
  const users = useQuery({ queryKey: ['users'], queryFn: ({ signal }) => listUsers(signal), enabled: enabled && allowed });
  return allowed ? (users.data ?? []) : null;
}

/** The time zone of a branch of the session (the first branch's, else Kyiv). */
export function branchZone(branches: readonly Branch[], branchId: number | null | undefined): string {
  const branch = branches.find((b) => b.id === branchId) ?? branches[0];
  return branch?.timezone || 'Europe/Kyiv';
}

/** Masters in alphabetical order of the interface language (Ірина after Анна). */
export function byName<T extends { name: string }>(list: readonly T[], language: string): T[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base' });
  return [...list].sort((a, b) => collator.compare(a.name, b.name));
}
