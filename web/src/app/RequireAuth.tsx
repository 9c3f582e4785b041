import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { SessionContext, useSession } from '../identity/session';
import { FullPageError, FullPageLoader } from './FullPage';

/** GET /api/v1/me decides: a session shows the children, 401 goes to /login. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data, isPending, error, refetch } = useSession();
  const location = useLocation();
  if (isPending) return <FullPageLoader />;
  if (error) return <FullPageError error={error} onRetry={() => void refetch()} />;
  if (!data) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  return <SessionContext.Provider value={data}>{children}</SessionContext.Provider>;
}

/** Where to go after signing in: back to the page that asked, else the journal. */
export function redirectTarget(state: unknown): string {
  if (state && typeof state === 'object' && 'from' in state) {
    const from = (state as { from: unknown }).from;
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/login') {
      return from === '/' ? '/journal' : from;
    }
  }
  return '/journal';
}
