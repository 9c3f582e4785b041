import { Badge, Button, Drawer, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { shortDate } from '../staff/dates';
import { useServicesList } from '../staff/lookups';
import { dateInZone, timeInZone } from '../staff/zoned';
import { patchWaitlistEntry, useInvalidateBooking, useWaitlist } from './api';
import type { JournalStaff, WaitlistEntry, WaitlistStatus } from './types';
import { WaitlistForm } from './WaitlistForm';

interface Props {
  opened: boolean;
  branchId: number;
  timeZone: string;
  masters: readonly JournalStaff[];
  canBook: boolean;
  onBook: (entry: WaitlistEntry) => void;
  onClose: () => void;
}

const ORDER: Record<WaitlistStatus, number> = { offered: 0, waiting: 1, booked: 2, closed: 3 };
const COLORS: Record<WaitlistStatus, string> = { offered: 'yellow', waiting: 'blue', booked: 'teal', closed: 'gray' };

/** Clients waiting for a time; entries a freed slot fits are "offered" and come first. */
export function WaitlistDrawer({ opened, branchId, timeZone, masters, canBook, onBook, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [all, setAll] = useState(false);
  const [adding, setAdding] = useState(false);
  const list = useWaitlist(opened ? branchId : null);
  const services = useServicesList(opened);
  const invalidate = useInvalidateBooking();
  const patch = useMutation({
    mutationFn: ({ id, status }: { id: number; status: WaitlistStatus }) => patchWaitlistEntry(id, { status }),
    onSuccess: invalidate,
  });
  const serviceName = (id: number) => services.data?.find((s) => s.id === id)?.name ?? `#${id}`;
  const masterName = (id: number | null) => (id === null ? t('journal.waitlist.anyMaster') : (masters.find((m) => m.id === id)?.name ?? `#${id}`));
  const day = (d: string) => shortDate(d, i18n.language);
  const entries = (list.data ?? [])
    .filter((e) => all || e.status === 'waiting' || e.status === 'offered')
    .sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.date_from.localeCompare(b.date_from));

  return (
    <Drawer opened={opened} onClose={onClose} position="right" size={isPhone ? '100%' : 'md'} title={<Text fw={700}>{t('journal.waitlist.title')}</Text>}>
      <Stack gap="sm" data-testid="waitlist-panel">
        <Group justify="space-between">
          <Switch label={t('journal.waitlist.showAll')} checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />
          {canBook && !adding && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)} data-testid="waitlist-new">
              {t('journal.waitlist.add')}
            </Button>
          )}
        </Group>
        {adding && (
          <WaitlistForm branchId={branchId} masters={masters} services={services.data ?? []} onDone={() => setAdding(false)} />
        )}
        {list.error && <ProblemAlert error={list.error} />}
        {patch.error && <ProblemAlert error={patch.error} />}
        {list.isSuccess && entries.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="waitlist-empty">
            {t('journal.waitlist.empty')}
          </Text>
        )}
        {entries.map((e) => (
          <Paper
            key={e.id}
            withBorder
            p="sm"
            radius="md"
            bg={e.status === 'offered' ? 'yellow.0' : undefined}
            style={e.status === 'offered' ? { borderColor: 'var(--mantine-color-yellow-5)' } : undefined}
            data-testid={`waitlist-entry-${e.id}`}
            data-status={e.status}
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2} miw={0}>
                <Text fw={600} size="sm">
                  {e.client?.name}
                </Text>
                <Text size="xs">{e.service_ids.map(serviceName).join(', ')}</Text>
                <Text size="xs" c="dimmed">
                  {masterName(e.staff_id)} · {e.date_from === e.date_to ? day(e.date_from) : `${day(e.date_from)} – ${day(e.date_to)}`}
                  {e.time_from || e.time_to ? ` · ${e.time_from ?? ''}–${e.time_to ?? ''}` : ''}
                </Text>
                {e.notes && <Text size="xs" c="dimmed">{e.notes}</Text>}
                {e.status === 'offered' && e.offered_start && (
                  <Text size="sm" fw={600} c="yellow.9" data-testid={`waitlist-offer-${e.id}`}>
                    {t('journal.waitlist.offered', {
                      when: `${day(dateInZone(e.offered_start, timeZone))} ${timeInZone(e.offered_start, timeZone)}`,
                      master: masterName(e.offered_staff_id),
                    })}
                  </Text>
                )}
              </Stack>
              <Badge color={COLORS[e.status]} variant="light" style={{ flex: 'none' }}>
                {t(`journal.waitlist.status.${e.status}`)}
              </Badge>
            </Group>
            {canBook && (
              <Group gap="xs" mt="xs" justify="flex-end">
                {e.status === 'offered' && e.offered_start && (
                  <Button size="xs" color="yellow" onClick={() => onBook(e)} data-testid={`waitlist-book-${e.id}`}>
                    {t('journal.waitlist.book')}
                  </Button>
                )}
                {e.status === 'waiting' || e.status === 'offered' ? (
                  <Button size="xs" variant="default" onClick={() => patch.mutate({ id: e.id, status: 'closed' })} data-testid={`waitlist-close-${e.id}`}>
                    {t('journal.waitlist.close')}
                  </Button>
                ) : (
                  <Button size="xs" variant="subtle" onClick={() => patch.mutate({ id: e.id, status: 'waiting' })}>
                    {t('journal.waitlist.reopen')}
                  </Button>
                )}
              </Group>
            )}
          </Paper>
        ))}
      </Stack>
    </Drawer>
  );
}
