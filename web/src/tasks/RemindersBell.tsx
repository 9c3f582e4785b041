import { ActionIcon, Indicator, Tooltip } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { storedMuted, storeMuted } from './prefs';
import { RemindersDrawer } from './RemindersDrawer';
import { badgeCount } from './tasks';
import { useTaskAlerts } from './useTaskAlerts';

/** The header's bell: open tasks due (overdue and today) on its badge; opens the panel. */
export function RemindersBell() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [muted, setMuted] = useState(storedMuted);
  const { summary, acknowledge } = useTaskAlerts(muted);
  const count = badgeCount(summary.data);
  const overdue = (summary.data?.overdue ?? 0) > 0;
  const label = t('tasks.bell', { count });
  return (
    <>
      <Tooltip label={label} withinPortal>
        <Indicator
          inline
          disabled={count === 0}
          label={<span data-testid="tasks-badge">{count > 99 ? '99+' : count}</span>}
          size={18}
          offset={6}
          color={overdue ? 'red' : 'orange'}
          data-overdue={overdue ? 'true' : undefined}
        >
          <ActionIcon variant="subtle" color="gray" size="lg" radius="xl" aria-label={label} onClick={() => setOpened(true)} data-testid="tasks-bell">
            <IconBell size={20} stroke={1.7} />
          </ActionIcon>
        </Indicator>
      </Tooltip>
      <RemindersDrawer
        opened={opened}
        onClose={() => setOpened(false)}
        muted={muted}
        onMutedChange={(m) => {
          setMuted(m);
          storeMuted(m);
        }}
        onAdded={(task) => acknowledge(task.id)}
      />
    </>
  );
}
