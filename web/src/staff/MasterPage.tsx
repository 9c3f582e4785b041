import { Anchor, Badge, Button, Card, Group, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconBeach,
  IconCalendarShare,
  IconCalendarTime,
  IconClock,
  IconUser,
  IconWorld,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { isApiError } from '../app/api';
import { NotFoundPage } from '../app/NotFoundPage';
import { ProblemAlert } from '../app/ProblemAlert';
import { useAuthedSession } from '../identity/session';
import { canEditCatalog } from '../services/permissions';
import { AbsencesTab } from './AbsencesTab';
import { getStaff, staffKeys } from './api';
import { CalendarFeedTab } from './CalendarFeedTab';
import { shortDate } from './dates';
import { branchZone } from './lookups';
import { ScheduleTab } from './ScheduleTab';
import { StaffEditor } from './StaffDrawer';
import { StaffAvatar } from './StaffPhoto';
import { StaffTelegramCard } from './StaffTelegramCard';

const TABS = ['profile', 'schedule', 'absences', 'calendar'] as const;
type Tab = (typeof TABS)[number];

/** One master: profile (with their Telegram for notices), schedule, absences and calendar feed. */
export function MasterPage() {
  const { t, i18n } = useTranslation();
  const { id: rawId } = useParams();
  const id = Number(rawId);
  const valid = Number.isSafeInteger(id) && id > 0;
  const session = useAuthedSession();
  const canEdit = canEditCatalog(session.role);
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(requested ?? '') ? (requested as Tab) : 'profile';
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const staff = useQuery({ queryKey: staffKeys.detail(id), queryFn: ({ signal }) => getStaff(id, signal), enabled: valid });
  useDocumentTitle(`${staff.data?.name ?? t('pages.staff.title')} · ${t('app.name')}`);

  if (!valid || (isApiError(staff.error) && staff.error.status === 404)) return <NotFoundPage />;

  const back = (
    <Anchor component={Link} to="/staff" size="sm" c="dimmed" data-testid="staff-back">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('staff.back')}
      </Group>
    </Anchor>
  );
  if (staff.error) {
    return (
      <Stack>
        {back}
        <ProblemAlert error={staff.error} />
        <Button variant="light" w="fit-content" onClick={() => void staff.refetch()}>
          {t('app.retry')}
        </Button>
      </Stack>
    );
  }
  if (staff.isPending) {
    return (
      <Stack>
        {back}
        <Skeleton h={90} radius="lg" />
        <Skeleton h={320} radius="lg" />
      </Stack>
    );
  }

  const s = staff.data;
  const zone = branchZone(session.branches, s.branch_id);
  // A master may read only their own calendar feed and link only their own Telegram.
  const showCalendar = canEdit || s.user_id === session.user.id;
  const shownTab: Tab = tab === 'calendar' && !showCalendar ? 'profile' : tab;
  const icon = (Icon: typeof IconUser) => (isPhone ? undefined : <Icon size={16} />);

  return (
    <Stack gap="md" data-testid="master-page">
      {back}
      <Card p={{ base: 'md', sm: 'lg' }} style={{ borderTop: `4px solid ${s.color}` }}>
        <Group gap="md" wrap="nowrap" align="flex-start">
          <StaffAvatar staff={s} size={56} data-testid="master-avatar" />
          <Stack gap={4} miw={0}>
            <Group gap="xs" wrap="wrap">
              <Title order={1} fz={{ base: 22, sm: 26 }} data-testid="master-name" style={{ wordBreak: 'break-word' }}>
                {s.name}
              </Title>
              {s.archived && (
                <Badge color="gray" variant="light">
                  {t('staff.archivedBadge')}
                </Badge>
              )}
            </Group>
            <Text c="dimmed" size="sm">
              {s.position || t('staff.noPosition')}
            </Text>
            <Group gap={6} wrap="wrap">
              <Badge variant="light" color="blue" leftSection={<IconClock size={11} />} tt="none">
                {t('staff.stepBadge', { n: s.booking_step })}
              </Badge>
              {s.online_booking && (
                <Badge variant="light" color="teal" leftSection={<IconWorld size={11} />} tt="none">
                  {t('staff.online')}
                </Badge>
              )}
              {s.work_permit_warning && (
                <Badge variant="filled" color="orange" leftSection={<IconAlertTriangle size={11} />} tt="none" data-testid="master-permit">
                  {s.work_permit_expires
                    ? t('staff.permitExpires', { date: shortDate(s.work_permit_expires, i18n.language, true) })
                    : t('staff.permitWarning')}
                </Badge>
              )}
            </Group>
          </Stack>
        </Group>
      </Card>

      <Tabs
        value={shownTab}
        onChange={(v) => v && setParams(v === 'profile' ? {} : { tab: v }, { replace: true })}
        keepMounted={false}
        variant="outline"
        radius="md"
        styles={isPhone ? { tab: { paddingInline: 8 } } : undefined}
      >
        <Tabs.List mb="md" grow={!!isPhone} style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          <Tabs.Tab value="profile" leftSection={icon(IconUser)} data-testid="staff-tab-profile">
            {t('staff.tabs.profile')}
          </Tabs.Tab>
          <Tabs.Tab value="schedule" leftSection={icon(IconCalendarTime)} data-testid="staff-tab-schedule">
            {t('staff.tabs.schedule')}
          </Tabs.Tab>
          <Tabs.Tab value="absences" leftSection={icon(IconBeach)} data-testid="staff-tab-absences">
            {t('staff.tabs.absences')}
          </Tabs.Tab>
          {showCalendar && (
            <Tabs.Tab value="calendar" leftSection={icon(IconCalendarShare)} data-testid="staff-tab-calendar">
              {t('staff.tabs.calendar')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="profile">
          <Stack gap="md">
            <Card p={{ base: 'sm', sm: 'lg' }}>
              <StaffEditor key={s.id} staff={s} inline readOnly={!canEdit} />
            </Card>
            {showCalendar && !s.archived && <StaffTelegramCard staff={s} />}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="schedule">
          <ScheduleTab staff={s} timeZone={zone} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="absences">
          <AbsencesTab staff={s} timeZone={zone} canEdit={canEdit} />
        </Tabs.Panel>
        {showCalendar && (
          <Tabs.Panel value="calendar">
            <CalendarFeedTab staff={s} canEdit={canEdit} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
