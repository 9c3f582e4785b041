import { Avatar, Badge, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { logout } from '../identity/api';
import { sessionKey, useAuthedSession } from '../identity/session';

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0][0], parts[parts.length - 1][0]] : [parts[0]?.[0] ?? '?'];
  return letters.join('').toUpperCase();
}

export function UserMenu() {
  const { t } = useTranslation();
  const session = useAuthedSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const signOut = useMutation({
    mutationFn: () => logout().catch(() => undefined), // leave even if the server is gone
    onSettled: () => {
      // Forget the session first (the shell unmounts), then everything cached for it.
      queryClient.setQueryData(sessionKey, null);
      navigate('/login', { replace: true });
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
    },
  });

  const { user } = session;
  return (
    <Menu position="bottom-end" width={240} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton data-testid="user-menu" aria-label={t('userMenu.open')} style={{ borderRadius: 999 }}>
          <Group gap={8} wrap="nowrap">
            <Avatar color="kvitka" radius="xl" size={34}>
              {initials(user.name)}
            </Avatar>
            <Stack gap={0} visibleFrom="md" maw={160}>
              <Text size="sm" fw={600} truncate="end">
                {user.name}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`roles.${session.role}`)}
              </Text>
            </Stack>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('userMenu.signedInAs')}</Menu.Label>
        <Stack gap={2} px="sm" pb="xs">
          <Text size="sm" fw={600} data-testid="user-name">
            {user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate="end">
            {user.email}
          </Text>
          <Badge variant="light" size="sm" mt={4} data-testid="user-role">
            {t(`roles.${session.role}`)}
          </Badge>
        </Stack>
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} />}
          onClick={() => signOut.mutate()}
          disabled={signOut.isPending}
          data-testid="logout"
        >
          {t('userMenu.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
