import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { clientKeys, updateClient } from './api';
import { ClientForm } from './ClientForm';
import { formErrors, patchBody, valuesFromClient, type ClientFormValues } from './clientForm';
import { existingClientOf, type ExistingClient } from './http';
import { PhoneTakenAlert } from './PhoneTakenAlert';
import type { Client, Tag } from './types';

interface Props {
  client: Client;
  tags: readonly Tag[];
  canEdit: boolean;
  contacts: boolean;
  /** Offer to merge the client that already has a phone into this one. */
  onMerge: (other: ExistingClient) => void;
}

export function ProfileTab({ client, tags, canEdit, contacts, onMerge }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<ClientFormValues>({
    initialValues: valuesFromClient(client),
    validate: { first_name: (v) => (v.trim() ? null : t('errors.field.required')) },
  });

  // A fresh copy from the server (after a save, a merge) resets the form.
  useEffect(() => {
    form.setValues(valuesFromClient(client));
    form.resetDirty(valuesFromClient(client));
  }, [client.updated_at, client.id]);

  const mutation = useMutation({
    mutationFn: (values: ClientFormValues) => updateClient(client.id, patchBody(client, values, { contacts })),
    onSuccess: (updated) => {
      queryClient.setQueryData(clientKeys.detail(client.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['clients', 'list'] });
      void queryClient.invalidateQueries({ queryKey: clientKeys.tags });
      notifications.show({ color: 'teal', message: t('clients.saved') });
    },
    onError: (error) => form.setErrors(formErrors(t, error, form.values.phones).fields),
  });

  const existing = existingClientOf(mutation.error);
  const { other } = formErrors(t, mutation.error, form.values.phones);
  const changed = Object.keys(patchBody(client, form.values, { contacts })).length > 0;

  return (
    <form
      onSubmit={form.onSubmit((values) => {
        if (changed) mutation.mutate(values);
      })}
      noValidate
      data-testid="client-profile-form"
    >
      <Stack gap="md">
        {existing ? (
          <PhoneTakenAlert
            existing={existing}
            onMerge={canEdit && existing.id !== client.id ? () => onMerge(existing) : undefined}
          />
        ) : (
          mutation.error && <ProblemAlert error={mutation.error} extra={other} testId="client-form-error" />
        )}
        <ClientForm form={form} mode="edit" contacts={contacts} tags={tags} readOnly={!canEdit} clientId={client.id} />
        {canEdit && (
          <Group
            justify="flex-end"
            pos={changed ? 'sticky' : undefined}
            bottom={0}
            py="sm"
            style={
              changed
                ? { zIndex: 3, background: 'var(--mantine-color-gray-0)', borderTop: '1px solid var(--mantine-color-gray-3)' }
                : undefined
            }
          >
            {changed && (
              <Button
                variant="default"
                onClick={() => {
                  form.setValues(valuesFromClient(client));
                  form.clearErrors();
                  mutation.reset();
                }}
                data-testid="client-form-reset"
              >
                {t('clients.discard')}
              </Button>
            )}
            <Button
              type="submit"
              leftSection={<IconDeviceFloppy size={16} />}
              loading={mutation.isPending}
              disabled={!changed}
              data-testid="client-form-submit"
            >
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
