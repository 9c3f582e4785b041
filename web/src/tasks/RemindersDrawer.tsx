import { Button, Drawer, Group, SegmentedControl, Stack, Switch, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { useAuthedSession } from '../identity/session';
import { branchZone, useUsersList } from '../staff/lookups';
import { canManageTasks, listTasks, patchTask, taskKeys } from './api';
import { storedMine, storeMine } from './prefs';
import { TaskItem } from './TaskItem';
import { TaskQuickAdd } from './TaskQuickAdd';
import { groupTasks } from './tasks';
import type { Task } from './types';

interface Props {
  opened: boolean;
  onClose: () => void;
  muted: boolean;
  onMutedChange: (muted: boolean) => void;
  /** Told of a task this user added (it does not chime for them). */
  onAdded: (task: Task) => void;
}

function Section({ title, color, count, children, testId }: { title: string; color?: string; count: number; children: ReactNode; testId: string }) {
  if (count === 0) return null;
  return (
    <Stack gap={6} data-testid={testId}>
      <Group gap={6}>
        <Title order={6} c={color}>
          {title}
        </Title>
        <Text size="xs" c="dimmed">
          {count}
        </Text>
      </Group>
      {children}
    </Stack>
  );
}

/** The reminders panel: overdue, today's and later tasks; complete, reopen, quick add. */
export function RemindersDrawer({ opened, onClose, muted, onMutedChange, onAdded }: Props) {
  const { t } = useTranslation();
  const session = useAuthedSession();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const manages = canManageTasks(session.role);
  const [mineChoice, setMineChoice] = useState(storedMine);
  const mine = !manages || mineChoice;
  const [adding, setAdding] = useState(false);
  const [showDone, setShowDone] = useState(false);
  const timeZone = branchZone(session.branches, null);
  const users = useUsersList(opened && manages);
  const queryClient = useQueryClient();

  const open = useQuery({
    queryKey: taskKeys.list('open', mine),
    queryFn: ({ signal }) => listTasks('open', mine, signal),
    enabled: opened,
    staleTime: 0,
  });
  const done = useQuery({
    queryKey: taskKeys.list('done', mine),
    queryFn: ({ signal }) => listTasks('done', mine, signal),
    enabled: opened && showDone,
    staleTime: 0,
  });
  const status = useMutation({
    mutationFn: ({ task, to }: { task: Task; to: 'open' | 'done' }) => patchTask(task.id, { status: to }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
  const change = (task: Task, to: 'open' | 'done') => status.mutate({ task, to });

  const groups = groupTasks(open.data ?? [], new Date(), timeZone);
  const nameOf = (id: number | null) => (id === null ? null : (users?.find((u) => u.id === id)?.name ?? null));
  const item = (task: Task, overdue = false) => (
    <TaskItem
      key={task.id}
      task={task}
      timeZone={timeZone}
      overdue={overdue}
      assignee={mine ? null : nameOf(task.assignee_user_id)}
      busy={status.isPending && status.variables?.task.id === task.id}
      onStatus={change}
      onNavigate={onClose}
    />
  );
  const empty = open.isSuccess && open.data.length === 0;

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={isPhone ? '100%' : 'md'}
      title={<Text fw={700}>{t('tasks.title')}</Text>}
    >
      <Stack gap="sm" data-testid="tasks-panel">
        <Group justify="space-between" wrap="wrap" gap="xs">
          {manages ? (
            <SegmentedControl
              size="xs"
              value={mine ? 'mine' : 'all'}
              onChange={(v) => {
                setMineChoice(v === 'mine');
                storeMine(v === 'mine');
              }}
              data={[
                { value: 'all', label: t('tasks.filter.all') },
                { value: 'mine', label: t('tasks.filter.mine') },
              ]}
              data-testid="tasks-filter"
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('tasks.filter.onlyMine')}
            </Text>
          )}
          <Switch
            size="sm"
            label={t('tasks.sound')}
            checked={!muted}
            onChange={(e) => onMutedChange(!e.currentTarget.checked)}
            data-testid="tasks-sound"
          />
        </Group>
        {manages && !adding && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)} data-testid="tasks-add">
            {t('tasks.add')}
          </Button>
        )}
        {manages && adding && (
          <TaskQuickAdd timeZone={timeZone} users={users} onAdded={onAdded} onCancel={() => setAdding(false)} />
        )}
        {open.error && <ProblemAlert error={open.error} />}
        {status.error && <ProblemAlert error={status.error} />}
        {empty && (
          <Text size="sm" c="dimmed" ta="center" py="md" data-testid="tasks-empty">
            {t('tasks.empty')}
          </Text>
        )}
        <Section title={t('tasks.groups.overdue')} color="red.7" count={groups.overdue.length} testId="tasks-overdue">
          {groups.overdue.map((task) => item(task, true))}
        </Section>
        <Section title={t('tasks.groups.today')} count={groups.today.length} testId="tasks-today">
          {groups.today.map((task) => item(task))}
        </Section>
        <Section title={t('tasks.groups.later')} count={groups.later.length} testId="tasks-later">
          {groups.later.map((task) => item(task))}
        </Section>
        <Switch
          size="xs"
          label={t('tasks.showDone')}
          checked={showDone}
          onChange={(e) => setShowDone(e.currentTarget.checked)}
          data-testid="tasks-show-done"
        />
        {showDone && done.error && <ProblemAlert error={done.error} />}
        {showDone && (
          <Section title={t('tasks.groups.done')} color="dimmed" count={done.data?.length ?? 0} testId="tasks-done">
            {(done.data ?? []).map((task) => item(task))}
          </Section>
        )}
      </Stack>
    </Drawer>
  );
}
