import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { fetchSession } from './api';
import type { Session } from './types';

export const sessionKey = ['session'] as const;

/** GET /api/v1/me; data is null when nobody is logged in. */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 5 * 60_000,
  });
}

/**
 * Provided by RequireAuth. Pages of the authenticated area read the session
 * from here, so they never see it vanish while the app is logging out.
 */
export const SessionContext = createContext<Session | null>(null);

/** The session inside the authenticated shell, where it is known to exist. */
export function useAuthedSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useAuthedSession used outside of RequireAuth');
  return session;
}

export function useSetSession() {
  const queryClient = useQueryClient();
  return (session: Session | null) => queryClient.setQueryData(sessionKey, session);
}
