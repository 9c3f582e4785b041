import { Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ProblemAlert } from '../app/ProblemAlert';
import { clientKeys, createClient } from './api';
import { ClientForm } from './ClientForm';
import { createBody, emptyClientValues, formErrors, type ClientFormValues } from './clientForm';
import { existingClientOf } from './http';
import { PhoneTakenAlert } from './PhoneTakenAlert';
import type { Tag } from './types';

interface Props {
  opened: boolean;
  onClose: () => void;
  tags: readonly Tag[];
}

export function CreateClientModal({ opened, onClose, tags }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const form = useForm<ClientFormValues>({
    initialValues: emptyClientValues(),
    validate: { first_name: (v) => (v.trim() ? null : t('errors.field.required')) },
  });

  const mutation = useMutation({
    mutationFn: (values: ClientFormValues) => createClient(createBody(values)),
    onSuccess: (client) => {
      void queryClient.invalidateQueries({ queryKey: clientKeys.all });
      void queryClient.invalidateQueries({ queryKey: clientKeys.tags });
      notifications.show({ color: 'teal', message: t('clients.created', { name: client.display_name }) });
      close();
      navigate(`/clients/${client.id}`);
    },
    onError: (error) => form.setErrors(formErrors(t, error, form.values.phones).fields),
  });

  function close() {
    form.reset();
    mutation.reset();
    onClose();
  }

  const existing = existingClientOf(mutation.error);
  const { other } = formErrors(t, mutation.error, form.values.phones);
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('clients.new')}
      centered
      radius="lg"
      size="lg"
      fullScreen={isPhone}
      data-testid="client-create-modal"
    >
      <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
        <Stack gap="md">
          {existing ? (
            <PhoneTakenAlert existing={existing} onOpen={close} />
          ) : (
            mutation.error && <ProblemAlert error={mutation.error} extra={other} testId="client-form-error" />
          )}
          <ClientForm form={form} mode="create" contacts tags={tags} />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="client-form-submit">
              {t('clients.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
