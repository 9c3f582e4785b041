import { AppShell, Burger, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMapPin } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { currentLanguage } from '../i18n';
import { languageForSession, storedLanguage } from '../i18n/language';
import { useAuthedSession } from '../identity/session';
import { RemindersBell } from '../tasks/RemindersBell';
import classes from './AppLayout.module.css';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import { NAV_ITEMS } from './navigation';
import { UserMenu } from './UserMenu';

/** Authenticated shell: header (brand, salon, language, user), navbar, page. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const session = useAuthedSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();

  // Without an explicit choice in this browser, speak the user's saved locale.
  const locale = session.user.locale;
  useEffect(() => {
    const wanted = languageForSession(storedLanguage(), locale, currentLanguage());
    if (wanted !== currentLanguage()) void i18n.changeLanguage(wanted);
  }, [locale, i18n]);

  const branch = session.branches[0];

  return (
    <AppShell
      data-testid="app-shell"
      header={{ height: 64 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
      bg="var(--mantine-color-gray-0)"
    >
      <AppShell.Header px={{ base: 'sm', sm: 'md' }}>
        <Group h="100%" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              data-testid="burger"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
            />
            <Brand orgName={session.org.name} />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <RemindersBell />
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar
        p="sm"
        aria-label={t('nav.main')}
        className={classes.navbar}
        data-mobile-collapsed={opened ? undefined : true}
      >
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={4}>
            {NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(session.role)).map(({ key, to, icon: NavIcon }) => (
              <NavLink
                key={key}
                component={Link}
                to={to}
                label={t(`nav.${key}`)}
                leftSection={<NavIcon size={20} stroke={1.6} />}
                active={pathname === to || pathname.startsWith(`${to}/`)}
                onClick={close}
                data-testid={`nav-${key}`}
                variant="light"
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
                fw={500}
              />
            ))}
          </Stack>
        </AppShell.Section>
        {branch && (
          <AppShell.Section pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
            <Group gap={8} wrap="nowrap" px="xs">
              <IconMapPin size={16} color="var(--mantine-color-dimmed)" />
              <Stack gap={0} miw={0}>
                <Text size="sm" fw={500} truncate="end" data-testid="current-branch">
                  {branch.name}
                </Text>
                <Text size="xs" c="dimmed" truncate="end">
                  {branch.timezone}
                </Text>
              </Stack>
            </Group>
          </AppShell.Section>
        )}
      </AppShell.Navbar>

      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
