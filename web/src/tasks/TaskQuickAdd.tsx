import { Button, Group, NativeSelect, Paper, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { fieldErrorText } from '../app/problems';
import { ClientPicker } from '../clients/ClientPicker';
import type { User } from '../identity/types';
import { instantToZoned, zonedToInstant } from '../staff/zoned';
import { createTask, taskKeys } from './api';
import { PRIORITIES, type Task, type TaskInput, type TaskPriority } from './types';

interface Props {
  timeZone: string;
  /** Members a task may be given to; null when the user may not list them. */
  users: readonly User[] | null;
  onAdded: (task: Task) => void;
  onCancel: () => void;
}

/** In an hour, on the minute, as the branch's wall clock ("2026-11-23T10:15"). */
function inAnHour(timeZone: string): string {
  const at = new Date(Math.ceil((Date.now() + 3_600_000) / 300_000) * 300_000);
  return instantToZoned(at.toISOString(), timeZone);
}

/** A task in a few taps: what, when, how urgent, for whom, about which client. */
export function TaskQuickAdd({ timeZone, users, onAdded, onCancel }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(() => inAnHour(timeZone));
  const [priority, setPriority] = useState<TaskPriority>('normal');
  const [assignee, setAssignee] = useState('');
  const [clientId, setClientId] = useState<number | null>(null);
  const [notes, setNotes] = useState('');
  const [tried, setTried] = useState(false);
  const mutation = useMutation({
    mutationFn: (body: TaskInput) => createTask(body),
    onSuccess: (task) => {
      onAdded(task);
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
      notifications.show({ color: 'teal', message: t('tasks.added') });
      setTitle('');
      setNotes('');
      setClientId(null);
      setTried(false);
      mutation.reset();
    },
  });
  const fe = isApiError(mutation.error) ? mutation.error.fieldErrorMap() : {};
  const err = (field: string) => (fe[field] ? fieldErrorText(t, fe[field]) : undefined);
  const required = (ok: boolean) => (tried && !ok ? t('errors.field.required') : undefined);
  const known = ['title', 'due_at', 'priority', 'assignee_user_id', 'client_id', 'notes'];
  const other = isApiError(mutation.error)
    ? mutation.error.fieldErrors.filter((e) => !known.includes(e.field)).map((e) => `${e.field}: ${fieldErrorText(t, e)}`)
    : [];
  const submit = () => {
    setTried(true);
    const dueAt = zonedToInstant(due, timeZone);
    if (!title.trim() || !dueAt) return;
    const body: TaskInput = { title: title.trim(), due_at: dueAt, priority };
    if (notes.trim()) body.notes = notes.trim();
    if (assignee) body.assignee_user_id = Number(assignee);
    if (clientId !== null) body.client_id = clientId;
    mutation.mutate(body);
  };
  return (
    <Paper withBorder p="sm" radius="md" data-testid="task-form">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="xs">
          <TextInput
            label={t('tasks.form.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={required(!!title.trim()) ?? err('title')}
            maxLength={200}
            data-autofocus
            data-testid="task-form-title"
          />
          <TextInput
            type="datetime-local"
            label={t('tasks.form.due')}
            value={due}
            onChange={(e) => setDue(e.currentTarget.value)}
            error={required(!!due) ?? err('due_at')}
            data-testid="task-form-due"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('tasks.form.priority')}
            </Text>
            <SegmentedControl
              size="xs"
              value={priority}
              onChange={(v) => setPriority(v as TaskPriority)}
              data={PRIORITIES.map((p) => ({ value: p, label: t(`tasks.priority.${p}`) }))}
              data-testid="task-form-priority"
            />
            {err('priority') && (
              <Text size="xs" c="red">
                {err('priority')}
              </Text>
            )}
          </Stack>
          {users && (
            <NativeSelect
              label={t('tasks.form.assignee')}
              value={assignee}
              onChange={(e) => setAssignee(e.currentTarget.value)}
              data={[
                { value: '', label: t('tasks.form.nobody') },
                ...users.filter((u) => u.active).map((u) => ({ value: String(u.id), label: u.name })),
              ]}
              error={err('assignee_user_id')}
              data-testid="task-form-assignee"
            />
          )}
          <ClientPicker
            label={t('tasks.form.client')}
            value={clientId}
            onChange={(id) => setClientId(id)}
            error={err('client_id')}
            comboboxProps={{ withinPortal: true }}
            data-testid="task-form-client"
          />
          <Textarea
            label={t('tasks.form.notes')}
            autosize
            minRows={1}
            maxRows={4}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={err('notes')}
          />
          {mutation.error && <ProblemAlert error={mutation.error} extra={other} testId="task-form-problem" />}
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button size="xs" type="submit" loading={mutation.isPending} data-testid="task-form-submit">
              {t('tasks.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
