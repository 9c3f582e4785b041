import { Button, Group, SimpleGrid, Skeleton, Stack, Switch, Text } from '@mantine/core';
import { IconUserPlus, IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../app/PageHeader';
import { ProblemAlert } from '../app/ProblemAlert';
import { useAuthedSession } from '../identity/session';
import { canEditCatalog } from '../services/permissions';
import { listStaffIncluding, staffKeys } from './api';
import { byName } from './lookups';
import { StaffCard } from './StaffCard';
import { StaffDrawer } from './StaffDrawer';
import type { Staff } from './types';

export function StaffPage() {
  const { t, i18n } = useTranslation();
  const session = useAuthedSession();
  const canEdit = canEditCatalog(session.role);
  const [params, setParams] = useSearchParams();
  const archived = params.get('archived') === 'true';
  const [editing, setEditing] = useState<Staff | 'new' | null>(null);
  const staff = useQuery({ queryKey: staffKeys.list(archived), queryFn: ({ signal }) => listStaffIncluding(archived, signal) });
  const items = byName(staff.data ?? [], i18n.language);

  return (
    <Stack gap={0} data-testid="staff-page">
      <PageHeader
        title={t('pages.staff.title')}
        subtitle={t('pages.staff.subtitle')}
        actions={
          canEdit && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setEditing('new')} data-testid="staff-new">
              {t('staff.new')}
            </Button>
          )
        }
      />
      <Group justify="flex-end" mb="sm">
        <Switch
          label={t('staff.showArchived')}
          checked={archived}
          onChange={(e) => setParams(e.currentTarget.checked ? { archived: 'true' } : {}, { replace: true })}
          data-testid="staff-archived"
        />
      </Group>
      {staff.error ? (
        <Stack>
          <ProblemAlert error={staff.error} testId="staff-error" />
          <Button variant="light" w="fit-content" onClick={() => void staff.refetch()}>
            {t('app.retry')}
          </Button>
        </Stack>
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="md">
          {staff.isPending && [0, 1, 2].map((i) => <Skeleton key={i} h={130} radius="lg" />)}
          {items.map((s) => (
            <StaffCard key={s.id} staff={s} canEdit={canEdit} onEdit={setEditing} />
          ))}
        </SimpleGrid>
      )}
      {!staff.isPending && !staff.error && items.length === 0 && (
        <Stack align="center" gap={4} py="xl" data-testid="staff-empty">
          <IconUsersGroup size={36} stroke={1.3} color="var(--mantine-color-gray-5)" />
          <Text fw={600}>{t('staff.empty')}</Text>
          <Text size="sm" c="dimmed" ta="center">
            {canEdit ? t('staff.emptyHint') : ''}
          </Text>
        </Stack>
      )}
      {canEdit && (
        <StaffDrawer
          opened={editing !== null}
          staff={editing === 'new' ? null : editing}
          count={items.length}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
