import {
  IconCalendar,
  IconScissors,
  IconSettings,
  IconStar,
  IconUsers,
  IconUsersGroup,
  type TablerIcon,
} from '@tabler/icons-react';

import type { Role } from '../identity/types';

export interface NavItem {
  key: 'journal' | 'clients' | 'services' | 'staff' | 'feedback' | 'settings';
  to: string;
  icon: TablerIcon;
  /** Only these roles see the item (all when absent). */
  roles?: Role[];
}

export const NAV_ITEMS: NavItem[] = [
  { key: 'journal', to: '/journal', icon: IconCalendar },
  { key: 'clients', to: '/clients', icon: IconUsers },
  { key: 'services', to: '/services', icon: IconScissors },
  { key: 'staff', to: '/staff', icon: IconUsersGroup },
  { key: 'feedback', to: '/feedback', icon: IconStar, roles: ['owner', 'manager'] },
  { key: 'settings', to: '/settings', icon: IconSettings },
];
