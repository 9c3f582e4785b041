import { Badge, Card, Group, NativeSelect, SimpleGrid, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { messagingKeys, putChannel } from './api';
import { ChannelIcon } from './ChannelIcon';
import { FormActions } from './FormParts';
import {
  channelBody,
  channelErrors,
  savedHeaderNames,
  secretSaved,
  validateChannel,
  valuesFromView,
  visibleFields,
  type ChannelFormValues,
  type FieldSpec,
} from './channelForm';
import { SecretInput } from './SecretInput';
import type { ChannelView } from './types';

/** One channel: on/off, whether it can send, and its settings form. */
export function ChannelCard({ view: loaded }: { view: ChannelView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [view, setView] = useState(loaded);
  const initial = useMemo(() => valuesFromView(view), [view]);
  const [values, setValues] = useState<ChannelFormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const channel = view.channel;
  const fields = visibleFields(channel, values);
  const body = channelBody(channel, initial, values);
  const dirty = Object.keys(body).length > 0;

  const save = useMutation({
    mutationFn: () => putChannel(channel, body),
    onSuccess: (saved) => {
      setView(saved);
      setValues(valuesFromView(saved));
      setErrors({});
      queryClient.setQueryData<ChannelView[]>(messagingKeys.channels, (list) =>
        list?.map((c) => (c.channel === saved.channel ? saved : c)),
      );
      notifications.show({ color: 'teal', message: t('messaging.channels.saved', { channel: t(`messaging.channelNames.${channel}`) }) });
    },
    onError: (error) => setErrors(channelErrors(t, channel, fields.map((f) => f.name), error).fields),
  });
  const { other } = channelErrors(t, channel, fields.map((f) => f.name), save.error);

  const submit = () => {
    const local = validateChannel(t, channel, values);
    setErrors(local);
    if (Object.keys(local).length === 0) save.mutate();
  };
  const setField = (name: string, value: string | boolean) =>
    setValues((v) => ({ ...v, fields: { ...v.fields, [name]: value } }));
  const setSecret = (name: string, value: string) =>
    setValues((v) => ({ ...v, secrets: { ...v.secrets, [name]: value } }));
  const setCleared = (name: string, cleared: boolean) =>
    setValues((v) => ({ ...v, cleared: { ...v.cleared, [name]: cleared } }));
  const label = (name: string) => t(`messaging.channels.fields.${name}`);
  const hint = (name: string) => t(`messaging.channels.hints.${channel}_${name}`, { defaultValue: '' }) || undefined;
  const testId = (name: string) => `channel-${channel}-${name}`;

  const input = (spec: FieldSpec) => {
    const name = spec.name;
    if (spec.type === 'secret' || spec.type === 'headers') {
      const saved = secretSaved(view, name);
      return (
        <SecretInput
          key={name}
          label={label(name)}
          description={hint(name)}
          saved={saved}
          savedNames={spec.type === 'headers' ? savedHeaderNames(view) : undefined}
          value={values.secrets[name] ?? ''}
          cleared={!!values.cleared[name]}
          multiline={spec.type === 'headers'}
          placeholder={spec.type === 'headers' ? 'Authorization: Bearer …' : undefined}
          error={errors[name]}
          onChange={(v) => setSecret(name, v)}
          onClearChange={(c) => setCleared(name, c)}
          testId={testId(name)}
        />
      );
    }
    if (spec.type === 'bool') {
      return (
        <Switch
          key={name}
          mt="xs"
          label={label(name)}
          description={hint(name)}
          checked={values.fields[name] === true}
          onChange={(e) => setField(name, e.currentTarget.checked)}
          error={errors[name]}
          data-testid={testId(name)}
        />
      );
    }
    if (spec.type === 'choice') {
      const value = String(values.fields[name] ?? '');
      const data = (spec.choices ?? []).map((c) => ({
        value: c,
        label: t(`messaging.channels.choices.${c}`, { defaultValue: c }),
      }));
      return (
        <NativeSelect
          key={name}
          label={label(name)}
          description={hint(name)}
          data={value === '' ? [{ value: '', label: t('messaging.channels.choose') }, ...data] : data}
          value={value}
          onChange={(e) => setField(name, e.currentTarget.value)}
          error={errors[name]}
          data-testid={testId(name)}
        />
      );
    }
    const common = {
      label: label(name),
      description: hint(name),
      value: String(values.fields[name] ?? ''),
      placeholder: spec.placeholder,
      error: errors[name],
      spellCheck: false,
      'data-testid': testId(name),
    };
    return spec.type === 'multiline' ? (
      <Textarea
        key={name}
        {...common}
        autosize
        minRows={3}
        maxRows={10}
        ff="monospace"
        onChange={(e) => setField(name, e.currentTarget.value)}
      />
    ) : (
      <TextInput key={name} {...common} type={spec.inputType ?? 'text'} onChange={(e) => setField(name, e.currentTarget.value)} />
    );
  };

  return (
    <Card p={{ base: 'sm', sm: 'lg' }} data-testid={`channel-${channel}`}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Group gap="sm" wrap="nowrap">
              <ChannelIcon channel={channel} size={24} />
              <Stack gap={2}>
                <Title order={3} fz="lg">
                  {t(`messaging.channelNames.${channel}`)}
                </Title>
                <Text size="xs" c="dimmed">
                  {t(`messaging.channels.about.${channel}`)}
                </Text>
              </Stack>
            </Group>
            <Badge
              variant="light"
              color={view.configured ? 'teal' : 'gray'}
              leftSection={view.configured ? <IconCircleCheck size={12} /> : <IconAlertTriangle size={12} />}
              style={{ flexShrink: 0 }}
              data-testid={`channel-${channel}-status`}
            >
              {view.configured ? t('messaging.channels.configured') : t('messaging.channels.notConfigured')}
            </Badge>
          </Group>
          {save.error ? <ProblemAlert error={save.error} extra={other} testId={`channel-${channel}-error`} /> : null}
          <Switch
            label={<Text fw={600}>{t('messaging.channels.enabled')}</Text>}
            description={t('messaging.channels.enabledHint')}
            checked={values.enabled}
            onChange={(e) => {
              const checked = e.currentTarget.checked;
              setValues((v) => ({ ...v, enabled: checked }));
            }}
            error={errors.enabled}
            data-testid={testId('enabled')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
            {fields.map(input)}
          </SimpleGrid>
          <FormActions
            canDiscard={dirty}
            onDiscard={() => {
              setValues(initial);
              setErrors({});
              save.reset();
            }}
            saving={save.isPending}
            saveDisabled={!dirty}
            testId={`channel-${channel}`}
          />
        </Stack>
      </form>
    </Card>
  );
}
