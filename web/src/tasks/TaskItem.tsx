import { Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCalendar, IconPhone, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { dateInZone } from '../staff/zoned';
import { journalLink } from './tasks';
import type { Task } from './types';

interface Props {
  task: Task;
  timeZone: string;
  overdue?: boolean;
  /** The name of the task's assignee when known. */
  assignee?: string | null;
  busy?: boolean;
  onStatus: (task: Task, status: 'open' | 'done') => void;
  onNavigate?: () => void;
}

/** One task of the reminders panel: what, for whom, when; complete or reopen it. */
export function TaskItem({ task, timeZone, overdue = false, assignee, busy = false, onStatus, onNavigate }: Props) {
  const { t, i18n } = useTranslation();
  const done = task.status === 'done';
  const sameDay = dateInZone(task.due_at, timeZone) === dateInZone(new Date(), timeZone);
  const due = new Intl.DateTimeFormat(i18n.language, {
    timeZone,
    ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(task.due_at));
  const journal = journalLink(task);
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      data-testid={`task-${task.id}`}
      data-status={task.status}
      data-overdue={overdue ? 'true' : undefined}
      style={overdue ? { borderColor: 'var(--mantine-color-red-5)', background: 'var(--mantine-color-red-0)' } : undefined}
    >
      <Group wrap="nowrap" align="flex-start" gap="sm">
        {task.status === 'open' && (
          <Checkbox
            mt={2}
            checked={false}
            disabled={busy}
            onChange={() => onStatus(task, 'done')}
            aria-label={t('tasks.complete')}
            data-testid={`task-complete-${task.id}`}
          />
        )}
        <Stack gap={4} miw={0} style={{ flex: 1 }}>
          <Group gap={6} wrap="nowrap" justify="space-between" align="flex-start">
            <Text size="sm" fw={600} td={done ? 'line-through' : undefined} data-testid="task-title" style={{ overflowWrap: 'anywhere' }}>
              {task.title}
            </Text>
            {task.priority !== 'normal' && (
              <Badge size="xs" variant="light" color={task.priority === 'high' ? 'red' : 'gray'} style={{ flexShrink: 0 }} data-testid="task-priority">
                {t(`tasks.priority.${task.priority}`)}
              </Badge>
            )}
          </Group>
          <Text size="xs" c={overdue ? 'red.7' : 'dimmed'} fw={overdue ? 600 : undefined} data-testid="task-due">
            {overdue ? t('tasks.overdueSince', { when: due }) : t('tasks.dueAt', { when: due })}
          </Text>
          {task.client && (
            <Group gap={8} wrap="wrap">
              <Anchor component={Link} to={`/clients/${task.client.id}`} size="xs" onClick={onNavigate} data-testid="task-client">
                <Group gap={4} wrap="nowrap">
                  <IconUser size={12} />
                  {task.client.name}
                </Group>
              </Anchor>
              {task.client.phone && (
                <Anchor href={`tel:${task.client.phone}`} size="xs" data-testid="task-phone">
                  <Group gap={4} wrap="nowrap">
                    <IconPhone size={12} />
                    {task.client.phone}
                  </Group>
                </Anchor>
              )}
            </Group>
          )}
          {journal && (
            <Anchor component={Link} to={journal} size="xs" onClick={onNavigate} data-testid="task-journal">
              <Group gap={4} wrap="nowrap">
                <IconCalendar size={12} />
                {t('tasks.openJournal')}
              </Group>
            </Anchor>
          )}
          {task.notes && (
            <Text size="xs" c="dimmed" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
              {task.notes}
            </Text>
          )}
          {assignee && (
            <Text size="xs" c="dimmed" data-testid="task-assignee">
              {t('tasks.for', { name: assignee })}
            </Text>
          )}
        </Stack>
        {done && (
          <Button size="compact-xs" variant="subtle" disabled={busy} onClick={() => onStatus(task, 'open')} data-testid={`task-reopen-${task.id}`}>
            {t('tasks.reopen')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
