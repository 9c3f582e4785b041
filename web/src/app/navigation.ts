import {
  IconCalendar,
  IconScissors,
  IconSettings,
  IconUsers,
  IconUsersGroup,
  type TablerIcon,
} from '@tabler/icons-react';

export interface NavItem {
  key: 'journal' | 'clients' | 'services' | 'staff' | 'settings';
  to: string;
  icon: TablerIcon;
}

export const NAV_ITEMS: NavItem[] = [
  { key: 'journal', to: '/journal', icon: IconCalendar },
  { key: 'clients', to: '/clients', icon: IconUsers },
  { key: 'services', to: '/services', icon: IconScissors },
  { key: 'staff', to: '/staff', icon: IconUsersGroup },
  { key: 'settings', to: '/settings', icon: IconSettings },
];
