import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Skeleton,
  Stack,
  Switch,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconDoor, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { problemText, splitFieldErrors } from '../app/problems';
import { useAuthedSession } from '../identity/session';
import { instantToZoned, zonedToInstant } from '../staff/zoned';
import { archiveRoom, catalogKeys, createRoom, listRoomsIncluding, updateRoom } from './api';
import { canEditCatalog } from './permissions';
import type { Closure, Room } from './types';

interface ClosureDraft {
  start: string;
  end: string;
  reason: string;
}

/** Closures typed in the branch's zone -> API closures (instants); errors by index. */
export function closuresFromDrafts(drafts: readonly ClosureDraft[], timeZone: string) {
  const closures: Closure[] = [];
  const errors: Record<number, string> = {};
  drafts.forEach((d, i) => {
    const start = zonedToInstant(d.start, timeZone);
    const end = zonedToInstant(d.end, timeZone);
    if (!start || !end) errors[i] = 'required';
    else if (end <= start) errors[i] = 'end_before_start';
    else closures.push({ start, end, reason: d.reason.trim() });
  });
  return { closures, errors };
}

/** Settings > Rooms: rooms and equipment of a branch, with capacity and closures. */
export function RoomsTab() {
  const { t, i18n } = useTranslation();
  const session = useAuthedSession();
  const canEdit = canEditCatalog(session.role);
  const [branchId, setBranchId] = useState<number | null>(session.branches[0]?.id ?? null);
  const [archived, setArchived] = useState(false);
  const [editing, setEditing] = useState<Room | 'new' | null>(null);
  const branch = session.branches.find((b) => b.id === branchId) ?? session.branches[0];
  const zone = branch?.timezone || 'Europe/Kyiv';
  const rooms = useQuery({
    queryKey: catalogKeys.rooms(branchId, archived),
    queryFn: ({ signal }) => listRoomsIncluding(branchId, archived, signal),
  });
  const items = rooms.data ?? [];
  const dateTime = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });

  return (
    <Stack gap="md" data-testid="rooms-tab">
      <Group justify="space-between" gap="xs">
        <Text size="sm" c="dimmed" maw={560}>
          {t('rooms.intro')}
        </Text>
        {canEdit && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="room-new">
            {t('rooms.add')}
          </Button>
        )}
      </Group>
      <Group gap="md">
        {session.branches.length > 1 && (
          <NativeSelect
            data={session.branches.map((b) => ({ value: String(b.id), label: b.name }))}
            value={String(branchId ?? '')}
            onChange={(e) => setBranchId(Number(e.currentTarget.value))}
            aria-label={t('rooms.branch')}
            data-testid="rooms-branch"
          />
        )}
        <Switch
          label={t('rooms.showArchived')}
          checked={archived}
          onChange={(e) => setArchived(e.currentTarget.checked)}
          data-testid="rooms-archived"
        />
      </Group>
      {rooms.error && <ProblemAlert error={rooms.error} />}
      {rooms.isPending && [0, 1].map((i) => <Skeleton key={i} h={70} radius="lg" />)}
      {!rooms.isPending && items.length === 0 && (
        <Text c="dimmed" ta="center" py="md" data-testid="rooms-empty">
          {t('rooms.empty')}
        </Text>
      )}
      {items.map((room) => {
        const upcoming = room.closures.filter((c) => new Date(c.end).getTime() > Date.now());
        return (
          <Card key={room.id} p="md" data-testid={`room-row-${room.id}`}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Group gap="sm" wrap="nowrap" miw={0} align="flex-start">
                <IconDoor size={22} color="var(--mantine-color-kvitka-6)" style={{ flex: 'none', marginTop: 2 }} />
                <Stack gap={2} miw={0}>
                  <Group gap={6}>
                    <Text fw={600}>{room.name}</Text>
                    {room.archived && (
                      <Badge size="xs" variant="light" color="gray">
                        {t('rooms.archivedBadge')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {t('rooms.capacityText', { n: room.capacity })} · {t('rooms.servicesText', { n: room.service_ids?.length ?? 0 })}
                  </Text>
                  {upcoming.map((c) => (
                    <Text key={c.start} size="xs" c="orange.8">
                      {t('rooms.closedText', { from: dateTime.format(new Date(c.start)), to: dateTime.format(new Date(c.end)) })}
                      {c.reason ? ` · ${c.reason}` : ''}
                    </Text>
                  ))}
                </Stack>
              </Group>
              {canEdit && !room.archived && (
                <Tooltip label={t('rooms.edit')}>
                  <ActionIcon variant="subtle" onClick={() => setEditing(room)} aria-label={t('rooms.edit')} data-testid={`room-edit-${room.id}`}>
                    <IconPencil size={16} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
          </Card>
        );
      })}
      {editing !== null && branchId !== null && (
        <RoomModal room={editing === 'new' ? null : editing} branchId={branchId} timeZone={zone} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}

function RoomModal({ room, branchId, timeZone, onClose }: { room: Room | null; branchId: number; timeZone: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [closureErrors, setClosureErrors] = useState<Record<number, string>>({});
  const [confirmArchive, setConfirmArchive] = useState(false);
  const form = useForm({
    initialValues: {
      name: room?.name ?? '',
      capacity: room?.capacity ?? 1,
      closures: (room?.closures ?? []).map((c) => ({
        start: instantToZoned(c.start, timeZone),
        end: instantToZoned(c.end, timeZone),
        reason: c.reason ?? '',
      })) as ClosureDraft[],
    },
    validate: {
      name: (v) => (v.trim() ? null : t('errors.field.required')),
      capacity: (v) => (v >= 1 ? null : t('rooms.capacityMin')),
    },
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: catalogKeys.allRooms });
    void queryClient.invalidateQueries({ queryKey: catalogKeys.allServices });
  };
  const save = useMutation({
    mutationFn: (body: { name: string; capacity: number; closures: Closure[] }) =>
      room ? updateRoom(room.id, body) : createRoom({ branch_id: branchId, ...body }),
    onSuccess: (saved) => {
      refresh();
      notifications.show({ color: 'teal', message: t('rooms.saved', { name: saved.name }) });
      onClose();
    },
    onError: (error) => form.setErrors(splitFieldErrors(t, error, ['name', 'capacity']).fields),
  });
  const archive = useMutation({
    mutationFn: () => archiveRoom(room!.id),
    onSuccess: () => {
      refresh();
      notifications.show({ color: 'teal', message: t('rooms.archived', { name: room!.name }) });
      onClose();
    },
    onError: (error) => {
      const { title, detail } = problemText(t, error);
      notifications.show({ color: 'red', title, message: detail ?? '' });
    },
  });
  const { other } = splitFieldErrors(t, save.error, ['name', 'capacity']);

  const submit = form.onSubmit((v) => {
    const { closures, errors } = closuresFromDrafts(v.closures, timeZone);
    setClosureErrors(errors);
    if (Object.keys(errors).length > 0) return;
    save.mutate({ name: v.name.trim(), capacity: v.capacity, closures });
  });

  return (
    <Modal opened onClose={onClose} title={room ? t('rooms.editTitle') : t('rooms.add')} centered radius="lg" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {save.error && <ProblemAlert error={save.error} extra={other} />}
          <Group grow align="flex-start">
            <TextInput label={t('rooms.name')} data-autofocus maxLength={100} data-testid="room-form-name" {...form.getInputProps('name')} />
            <NumberInput
              label={t('rooms.capacity')}
              description={t('rooms.capacityHint')}
              min={1}
              max={1000}
              allowDecimal={false}
              allowNegative={false}
              data-testid="room-form-capacity"
              {...form.getInputProps('capacity')}
              onChange={(x) => form.setFieldValue('capacity', typeof x === 'number' ? x : 0)}
            />
          </Group>
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('rooms.closures')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('rooms.closuresHint', { zone: timeZone })}
            </Text>
            {form.values.closures.map((c, i) => (
              <Card key={i} p="xs" withBorder data-testid={`room-closure-${i}`}>
                <Group gap="xs" align="flex-end" wrap="wrap">
                  <TextInput
                    type="datetime-local"
                    size="xs"
                    label={t('rooms.closureFrom')}
                    value={c.start}
                    onChange={(e) => form.setFieldValue(`closures.${i}.start`, e.currentTarget.value)}
                    data-testid={`room-closure-${i}-start`}
                  />
                  <TextInput
                    type="datetime-local"
                    size="xs"
                    label={t('rooms.closureTo')}
                    value={c.end}
                    onChange={(e) => form.setFieldValue(`closures.${i}.end`, e.currentTarget.value)}
                    data-testid={`room-closure-${i}-end`}
                  />
                  <TextInput
                    size="xs"
                    label={t('rooms.closureReason')}
                    value={c.reason}
                    onChange={(e) => form.setFieldValue(`closures.${i}.reason`, e.currentTarget.value)}
                    style={{ flex: '1 1 140px' }}
                    data-testid={`room-closure-${i}-reason`}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => form.removeListItem('closures', i)}
                    aria-label={t('rooms.closureRemove')}
                    mb={2}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
                {closureErrors[i] && (
                  <Text size="xs" c="red" mt={4}>
                    {t(`rooms.closureErrors.${closureErrors[i]}`)}
                  </Text>
                )}
              </Card>
            ))}
            <Button
              variant="subtle"
              size="compact-sm"
              w="fit-content"
              leftSection={<IconPlus size={14} />}
              onClick={() => form.insertListItem('closures', { start: '', end: '', reason: '' })}
              data-testid="room-closure-add"
            >
              {t('rooms.closureAdd')}
            </Button>
          </Stack>
          <Group justify="space-between" wrap="wrap" gap="xs">
            {room ? (
              confirmArchive ? (
                <Group gap="xs">
                  <Button color="red" loading={archive.isPending} onClick={() => archive.mutate()} data-testid="room-archive-confirm">
                    {t('rooms.archiveConfirm')}
                  </Button>
                  <Button variant="subtle" color="gray" onClick={() => setConfirmArchive(false)}>
                    {t('common.cancel')}
                  </Button>
                </Group>
              ) : (
                <Button
                  variant="subtle"
                  color="red"
                  leftSection={<IconArchive size={16} />}
                  onClick={() => setConfirmArchive(true)}
                  data-testid="room-archive"
                >
                  {t('rooms.archive')}
                </Button>
              )
            ) : (
              <span />
            )}
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} data-testid="room-form-submit">
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
