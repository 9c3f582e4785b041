import { createBrowserRouter, Navigate, type RouteObject } from 'react-router-dom';
import { ClientCardPage, ClientsImportPage, ClientsPage } from '../clients/ClientsPage';
import { AcceptInvitationPage } from '../identity/AcceptInvitationPage';
import { LoginPage } from '../identity/LoginPage';
import { SignupPage } from '../identity/SignupPage';
import { JournalPage } from '../journal/JournalPage';
import { ServicesPage } from '../services/ServicesPage';
import { SettingsPage } from '../settings/SettingsPage';
import { MasterPage } from '../staff/MasterPage';
import { StaffPage } from '../staff/StaffPage';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { RequireAuth } from './RequireAuth';

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
      { path: 'services', element: <ServicesPage /> },
      { path: 'staff', element: <StaffPage /> },
      { path: 'staff/:id', element: <MasterPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
