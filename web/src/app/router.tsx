import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router-dom';
import { ClientCardPage, ClientsImportPage, ClientsPage } from '../clients/ClientsPage';
import { AcceptInvitationPage } from '../identity/AcceptInvitationPage';
import { LoginPage } from '../identity/LoginPage';
import { SignupPage } from '../identity/SignupPage';
import { JournalPage } from '../journal/JournalPage';
import { SettingsPage } from '../settings/SettingsPage';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { RequireAuth } from './RequireAuth';

// The catalog and staff screens (drag and drop, schedules) load on first visit.
const ServicesPage = lazy(() => import('../services/ServicesPage').then((m) => ({ default: m.ServicesPage })));
const StaffPage = lazy(() => import('../staff/StaffPage').then((m) => ({ default: m.StaffPage })));
const MasterPage = lazy(() => import('../staff/MasterPage').then((m) => ({ default: m.MasterPage })));
const FeedbackPage = lazy(() => import('../feedback/FeedbackPage').then((m) => ({ default: m.FeedbackPage })));

function Lazy({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/signup', element: <SignupPage /> },
  { path: '/invite/:token', element: <AcceptInvitationPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/journal" replace /> },
      { path: 'journal', element: <JournalPage /> },
      { path: 'clients', element: <ClientsPage /> },
      { path: 'clients/import', element: <ClientsImportPage /> },
      { path: 'clients/:id', element: <ClientCardPage /> },
      { path: 'services', element: <Lazy><ServicesPage /></Lazy> },
      { path: 'staff', element: <Lazy><StaffPage /></Lazy> },
      { path: 'staff/:id', element: <Lazy><MasterPage /></Lazy> },
      { path: 'feedback', element: <Lazy><FeedbackPage /></Lazy> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
