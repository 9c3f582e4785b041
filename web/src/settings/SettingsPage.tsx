import { Tabs } from '@mantine/core';
import {
  IconAddressBook,
  IconBuildingStore,
  IconCalendarOff,
  IconDoor,
  IconMessages,
  IconUsers,
  IconWorld,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../app/PageHeader';
import { ClientsSettingsTab } from '../clients/ClientsSettingsTab';
import { canEditClients } from '../clients/permissions';
import { BranchesTab } from '../identity/BranchesTab';
import { canListUsers } from '../identity/permissions';
import { useAuthedSession } from '../identity/session';
import { UsersTab } from '../identity/UsersTab';
import { canManageMessaging } from '../messaging/api';
import { MessagesSettingsTab } from '../messaging/MessagesSettingsTab';
import { RoomsTab } from '../services/RoomsTab';
import { ClosedDaysTab } from '../staff/ClosedDaysTab';
import { OnlineBookingTab } from './OnlineBookingTab';

type Tab = 'users' | 'branches' | 'clients' | 'rooms' | 'closed-days' | 'online-booking' | 'messages';

export function SettingsPage() {
  const { t } = useTranslation();
  const session = useAuthedSession();
  const [params, setParams] = useSearchParams();
  const showUsers = canListUsers(session.role);
  const requested = params.get('tab');
  const showClients = canEditClients(session.role);
  const showMessages = canManageMessaging(session.role);
  const tab: Tab =
    requested === 'clients' && showClients
      ? 'clients'
      : requested === 'messages' && showMessages
        ? 'messages'
      : requested === 'rooms' || requested === 'closed-days' || requested === 'online-booking'
        ? requested
      : requested === 'branches' || !showUsers
        ? 'branches'
        : 'users';

  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <Tabs
        value={tab}
        onChange={(value) => value && setParams({ tab: value }, { replace: true })}
        keepMounted={false}
        variant="outline"
        radius="md"
      >
        <Tabs.List mb="md">
          {showUsers && (
            <Tabs.Tab value="users" leftSection={<IconUsers size={16} />} data-testid="settings-tab-users">
              {t('settings.tabs.users')}
            </Tabs.Tab>
          )}
          <Tabs.Tab value="branches" leftSection={<IconBuildingStore size={16} />} data-testid="settings-tab-branches">
            {t('settings.tabs.branches')}
          </Tabs.Tab>
          <Tabs.Tab value="rooms" leftSection={<IconDoor size={16} />} data-testid="settings-tab-rooms">
            {t('settings.tabs.rooms')}
          </Tabs.Tab>
          <Tabs.Tab value="closed-days" leftSection={<IconCalendarOff size={16} />} data-testid="settings-tab-closed-days">
            {t('settings.tabs.closedDays')}
          </Tabs.Tab>
          <Tabs.Tab value="online-booking" leftSection={<IconWorld size={16} />} data-testid="settings-tab-online-booking">
            {t('settings.tabs.onlineBooking')}
          </Tabs.Tab>
          {showClients && (
            <Tabs.Tab value="clients" leftSection={<IconAddressBook size={16} />} data-testid="settings-tab-clients">
              {t('settings.tabs.clients')}
            </Tabs.Tab>
          )}
          {showMessages && (
            <Tabs.Tab value="messages" leftSection={<IconMessages size={16} />} data-testid="settings-tab-messages">
              {t('settings.tabs.messages')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        {showUsers && (
          <Tabs.Panel value="users">
            <UsersTab />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="branches">
          <BranchesTab />
        </Tabs.Panel>
        <Tabs.Panel value="rooms">
          <RoomsTab />
        </Tabs.Panel>
        <Tabs.Panel value="closed-days">
          <ClosedDaysTab />
        </Tabs.Panel>
        <Tabs.Panel value="online-booking">
          <OnlineBookingTab />
        </Tabs.Panel>
        {showClients && (
          <Tabs.Panel value="clients">
            <ClientsSettingsTab />
          </Tabs.Panel>
        )}
        {showMessages && (
          <Tabs.Panel value="messages">
            <MessagesSettingsTab />
          </Tabs.Panel>
        )}
      </Tabs>
    </>
  );
}
