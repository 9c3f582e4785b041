import { Button, Drawer, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArchive } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ProblemAlert } from '../app/ProblemAlert';
import { problemText } from '../app/problems';
import { useAuthedSession } from '../identity/session';
import { catalogKeys } from '../services/api';
import { archiveStaff, createStaff, staffKeys, updateStaff } from './api';
import { useServicesList, useUsersList } from './lookups';
import { StaffForm } from './StaffForm';
import { StaffPhoto } from './StaffPhoto';
import {
  emptyStaffValues,
  staffBody,
  staffFormErrors,
  staffPatch,
  validateStaff,
  valuesFromStaff,
  type StaffFormValues,
} from './staffForm';
import type { Staff } from './types';

interface Props {
  opened: boolean;
  /** null: a new master. */
  staff: Staff | null;
  /** How many masters there are (picks a colour for a new one). */
  count: number;
  onClose: () => void;
}

/** Create or edit a master in a side drawer. */
export function StaffDrawer({ opened, staff, count, onClose }: Props) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={isPhone ? '100%' : 'lg'}
      radius={isPhone ? 0 : 'md'}
      title={<Text fw={700}>{staff ? t('staff.form.editTitle') : t('staff.form.newTitle')}</Text>}
    >
      {opened && <StaffEditor key={staff?.id ?? 'new'} staff={staff} count={count} onDone={onClose} />}
    </Drawer>
  );
}

interface EditorProps {
  staff: Staff | null;
  count?: number;
  onDone?: () => void;
  /** In the master page's profile tab: no archive, stays open. */
  inline?: boolean;
  readOnly?: boolean;
}

/** The master form with its save (POST or PATCH) and archive buttons. */
export function StaffEditor({ staff, count = 0, onDone, inline = false, readOnly = false }: EditorProps) {
  const { t } = useTranslation();
  const session = useAuthedSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirmArchive, setConfirmArchive] = useState(false);
  const services = useServicesList();
  const users = useUsersList(!readOnly);
  const contacts = !staff || staff.phone !== undefined || session.role !== 'master';
  const form = useForm<StaffFormValues>({
    initialValues: staff ? valuesFromStaff(staff) : emptyStaffValues(session.branches[0]?.id ?? null, count),
    validate: (values) => validateStaff(t, values),
  });

  const refresh = (saved?: Staff) => {
    if (saved) queryClient.setQueryData(staffKeys.detail(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: staffKeys.all });
    void queryClient.invalidateQueries({ queryKey: catalogKeys.allServices });
  };
  const save = useMutation({
    mutationFn: (values: StaffFormValues) =>
      staff ? updateStaff(staff.id, staffPatch(staff, values, { contacts })) : createStaff(staffBody(values)),
    onSuccess: (saved) => {
      refresh(saved);
      notifications.show({ color: 'teal', message: t('staff.saved', { name: saved.name }) });
      if (inline) {
        form.setInitialValues(valuesFromStaff(saved));
        form.setValues(valuesFromStaff(saved));
        form.resetDirty(valuesFromStaff(saved));
      }
      if (!inline) onDone?.();
      if (!staff) navigate(`/staff/${saved.id}`);
    },
    onError: (error) => form.setErrors(staffFormErrors(t, error).fields),
  });
  const archive = useMutation({
    mutationFn: () => archiveStaff(staff!.id),
    onSuccess: () => {
      refresh();
      notifications.show({ color: 'teal', message: t('staff.archivedNamed', { name: staff!.name }) });
      onDone?.();
      navigate('/staff');
    },
    onError: (error) => {
      setConfirmArchive(false);
      const { title, detail } = problemText(t, error);
      notifications.show({ color: 'red', title, message: detail ?? '' });
    },
  });
  const { other } = staffFormErrors(t, save.error);

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate data-testid="staff-form">
      <Stack gap="md">
        {save.error && <ProblemAlert error={save.error} extra={other} />}
        {staff && !readOnly && <StaffPhoto staff={staff} />}
        <StaffForm
          form={form}
          services={services.data ?? []}
          users={users}
          branches={session.branches}
          contacts={contacts}
          readOnly={readOnly}
        />
        {!readOnly && (
          <Group justify="space-between" gap="xs" wrap="wrap">
            {staff && !staff.archived ? (
              confirmArchive ? (
                <Group gap="xs">
                  <Button color="red" loading={archive.isPending} onClick={() => archive.mutate()} data-testid="staff-archive-confirm">
                    {t('staff.archiveConfirm')}
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
                  data-testid="staff-archive"
                >
                  {t('staff.archive')}
                </Button>
              )
            ) : (
              <span />
            )}
            <Group gap="xs">
              {!inline && (
                <Button variant="default" onClick={onDone}>
                  {t('common.cancel')}
                </Button>
              )}
              {inline && form.isDirty() && (
                <Button variant="default" onClick={() => form.reset()}>
                  {t('staff.discard')}
                </Button>
              )}
              <Button
                type="submit"
                loading={save.isPending}
                disabled={inline && !form.isDirty()}
                data-testid="staff-form-submit"
              >
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        )}
      </Stack>
    </form>
  );
}
