import {
  Button,
  CopyButton,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { splitFieldErrors } from '../app/problems';
import { createUser } from './api';
import { assignableRoles } from './permissions';
import type { CreateUserResponse, Role } from './types';

const FIELDS = ['name', 'email', 'role', 'password'] as const;

interface Props {
  opened: boolean;
  onClose: () => void;
  actorRole: Role;
}

export function AddUserModal({ opened, onClose, actorRole }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roles = assignableRoles(actorRole);
  const [created, setCreated] = useState<CreateUserResponse | null>(null);

  const form = useForm<{ name: string; email: string; role: Role; password: string }>({
    initialValues: { name: '', email: '', role: roles.includes('master') ? 'master' : roles[0], password: '' },
  });

  const mutation = useMutation({
    mutationFn: (values: typeof form.values) =>
      createUser({
        name: values.name.trim(),
        email: values.email.trim(),
        role: values.role,
        ...(values.password ? { password: values.password } : {}),
      }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      if (result.invitation_url) {
        setCreated(result);
      } else {
        notifications.show({ color: 'teal', message: t('users.created', { name: result.user.name }) });
        close();
      }
    },
    onError: (error) => form.setErrors(splitFieldErrors(t, error, FIELDS).fields),
  });

  function close() {
    form.reset();
    mutation.reset();
    setCreated(null);
    onClose();
  }

  const { other } = splitFieldErrors(t, mutation.error, FIELDS);
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? t('users.invitation.title') : t('users.form.title')}
      centered
      radius="lg"
      size="md"
      data-testid="user-form"
    >
      {created?.invitation_url ? (
        <Stack gap="md">
          <Text size="sm">{t('users.invitation.text', { name: created.user.name })}</Text>
          <TextInput
            value={created.invitation_url}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
            data-testid="invitation-url"
            aria-label={t('users.invitation.title')}
          />
          <Group justify="flex-end">
            <CopyButton value={created.invitation_url}>
              {({ copied, copy }) => (
                <Button
                  variant="light"
                  color={copied ? 'teal' : undefined}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  onClick={copy}
                  data-testid="invitation-copy"
                >
                  {copied ? t('users.invitation.copied') : t('users.invitation.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={close} data-testid="invitation-done">
              {t('users.invitation.done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
          <Stack gap="md">
            {mutation.error && <ProblemAlert error={mutation.error} extra={other} testId="user-form-error" />}
            <TextInput
              label={t('users.form.name')}
              data-autofocus
              data-testid="user-form-name"
              {...form.getInputProps('name')}
            />
            <TextInput
              label={t('users.form.email')}
              type="email"
              inputMode="email"
              data-testid="user-form-email"
              {...form.getInputProps('email')}
            />
            <Select
              label={t('users.form.role')}
              data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              allowDeselect={false}
              data-testid="user-form-role"
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('role')}
            />
            <PasswordInput
              label={t('users.form.password')}
              description={t('users.form.passwordDescription')}
              autoComplete="new-password"
              data-testid="user-form-password"
              {...form.getInputProps('password')}
            />
            <Group justify="flex-end" mt="xs">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={mutation.isPending} data-testid="user-form-submit">
                {t('users.form.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
