import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconUserCheck, IconUserOff, IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { problemText } from '../app/problems';
import { AddUserModal } from './AddUserModal';
import { deactivateUser, listUsers, updateUser } from './api';
import { canAddUsers, canManageUser, rolesForExistingUser } from './permissions';
import { useAuthedSession } from './session';
import { ROLES, type Role, type User } from './types';

const usersKey = ['users'] as const;

export function UsersTab() {
  const { t, i18n } = useTranslation();
  const session = useAuthedSession();
  const queryClient = useQueryClient();
  const [addOpened, addModal] = useDisclosure(false);
  const [toDeactivate, setToDeactivate] = useState<User | null>(null);
  const users = useQuery({ queryKey: usersKey, queryFn: ({ signal }) => listUsers(signal) });

  const showError = (error: unknown) => {
    const { title, detail } = problemText(t, error);
    notifications.show({ color: 'red', title, message: detail ?? '' });
  };

  const changeUser = useMutation({
    mutationFn: ({ user, change }: { user: User; change: { role?: Role; active?: boolean } }) =>
      updateUser(user.id, change),
    onSuccess: (updated, { change }) => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      const message =
        change.role !== undefined
          ? t('users.roleChanged', { name: updated.name, role: t(`roles.${updated.role}`) })
          : t('users.activated', { name: updated.name });
      notifications.show({ color: 'teal', message });
    },
    onError: (error) => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      showError(error);
    },
  });

  const deactivate = useMutation({
    mutationFn: (user: User) => deactivateUser(user.id),
    onSuccess: (updated) => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      notifications.show({ color: 'teal', message: t('users.deactivated', { name: updated.name }) });
      setToDeactivate(null);
    },
    onError: (error) => {
      setToDeactivate(null);
      showError(error);
    },
  });

  const actor = session.role;
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });

  const controls = (user: User) => {
    const isSelf = user.id === session.user.id;
    const manageable = canManageUser(actor, user) && !isSelf;
    const roleOptions = rolesForExistingUser(actor, user);
    const name = (
      <Text size="sm" fw={600}>
        {user.name}
        {isSelf && (
          <Text span c="dimmed" fw={400}>
            {' '}
            ({t('users.you')})
          </Text>
        )}
      </Text>
    );
    const since = (
      <Text size="xs" c="dimmed">
        {t('users.since', { date: safeDate(dateFormat, user.created_at) })}
      </Text>
    );
    const role =
      manageable && user.active ? (
        <Select
          size="xs"
          w={170}
          data={ROLES.filter((r) => roleOptions.includes(r)).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={user.role}
          allowDeselect={false}
          aria-label={t('users.changeRole', { name: user.name })}
          data-testid={`user-role-${user.id}`}
          disabled={changeUser.isPending}
          onChange={(value) => {
            if (value && value !== user.role) changeUser.mutate({ user, change: { role: value as Role } });
          }}
        />
      ) : (
        <Badge variant="light" color={user.role === 'owner' ? 'grape' : 'kvitka'} data-testid={`user-role-${user.id}`}>
          {t(`roles.${user.role}`)}
        </Badge>
      );
    const status = (
      <Badge variant="dot" color={user.active ? 'teal' : 'gray'} data-testid={`user-status-${user.id}`}>
        {user.active ? t('users.status.active') : t('users.status.inactive')}
      </Badge>
    );
    const action = !manageable ? null : user.active ? (
      <Button
        size="xs"
        variant="subtle"
        color="red"
        leftSection={<IconUserOff size={14} />}
        onClick={() => setToDeactivate(user)}
        data-testid={`user-deactivate-${user.id}`}
      >
        {t('users.deactivate')}
      </Button>
    ) : (
      <Button
        size="xs"
        variant="subtle"
        leftSection={<IconUserCheck size={14} />}
        onClick={() => changeUser.mutate({ user, change: { active: true } })}
        data-testid={`user-activate-${user.id}`}
      >
        {t('users.activate')}
      </Button>
    );
    return { name, since, role, status, action };
  };

  const list = users.data ?? [];
  const rows = (isPhone ? [] : list).map((user) => {
    const c = controls(user);
    return (
      <Table.Tr key={user.id} data-testid={`user-row-${user.id}`} opacity={user.active ? 1 : 0.6}>
        <Table.Td>
          {c.name}
          {c.since}
        </Table.Td>
        <Table.Td>
          <Text size="sm">{user.email}</Text>
        </Table.Td>
        <Table.Td>{c.role}</Table.Td>
        <Table.Td>{c.status}</Table.Td>
        <Table.Td ta="right">{c.action}</Table.Td>
      </Table.Tr>
    );
  });

  // Phones get one card per person instead of a sideways-scrolling table.
  const cards = (isPhone ? list : []).map((user) => {
    const c = controls(user);
    return (
      <Card key={user.id} p="md" data-testid={`user-row-${user.id}`} opacity={user.active ? 1 : 0.6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={0} miw={0}>
            {c.name}
            <Text size="sm" c="dimmed" truncate="end">
              {user.email}
            </Text>
          </Stack>
          {c.status}
        </Group>
        <Group justify="space-between" mt="sm" gap="xs">
          {c.role}
          {c.action}
        </Group>
      </Card>
    );
  });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          {canAddUsers(actor) ? t('users.intro') : t('users.noPermission')}
        </Text>
        {canAddUsers(actor) && (
          <Button leftSection={<IconUserPlus size={16} />} onClick={addModal.open} data-testid="users-add">
            {t('users.add')}
          </Button>
        )}
      </Group>

      {users.error ? (
        <Stack>
          <ProblemAlert error={users.error} testId="users-error" />
          <Button variant="light" onClick={() => void users.refetch()} w="fit-content">
            {t('app.retry')}
          </Button>
        </Stack>
      ) : (
        isPhone ? (
          <Stack gap="sm" data-testid="users-table">
            {users.isPending && [0, 1, 2].map((i) => <Skeleton key={i} h={96} radius="lg" />)}
            {cards}
            {!users.isPending && cards.length === 0 && (
              <Text c="dimmed" ta="center" py="md">
                {t('users.empty')}
              </Text>
            )}
          </Stack>
        ) : (
          <Card p={0} withBorder>
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="users-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('users.columns.name')}</Table.Th>
                    <Table.Th>{t('users.columns.email')}</Table.Th>
                    <Table.Th>{t('users.columns.role')}</Table.Th>
                    <Table.Th>{t('users.columns.status')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {users.isPending
                    ? [0, 1, 2].map((i) => (
                        <Table.Tr key={i}>
                          {[0, 1, 2, 3, 4].map((j) => (
                            <Table.Td key={j}>
                              <Skeleton h={14} />
                            </Table.Td>
                          ))}
                        </Table.Tr>
                      ))
                    : rows}
                  {!users.isPending && rows.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={5}>
                        <Text c="dimmed" ta="center" py="md">
                          {t('users.empty')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        )
      )}

      {canAddUsers(actor) && <AddUserModal opened={addOpened} onClose={addModal.close} actorRole={actor} />}

      <Modal
        opened={toDeactivate !== null}
        onClose={() => setToDeactivate(null)}
        title={toDeactivate ? t('users.deactivateTitle', { name: toDeactivate.name }) : ''}
        centered
        radius="lg"
      >
        <Stack data-testid="confirm-deactivate">
          <Text size="sm">{t('users.deactivateText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setToDeactivate(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={deactivate.isPending}
              onClick={() => toDeactivate && deactivate.mutate(toDeactivate)}
              data-testid="confirm-deactivate-submit"
            >
              {t('users.deactivate')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function safeDate(format: Intl.DateTimeFormat, iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : format.format(d);
}
