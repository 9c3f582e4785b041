import { Card, Divider, Group, SimpleGrid, Skeleton, Stack, Switch, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { getMessagingRules, messagingKeys, putMessagingRules } from './api';
import { ChannelOrderList } from './ChannelOrderList';
import { FormActions, LoadFailed, TimeOfDayInput, WholeNumberInput } from './FormParts';
import { KindSwitches } from './KindSwitches';
import { OffsetsEditor } from './OffsetsEditor';
import { rulesErrors, rulesPatch, validateRules, valuesFromRules, type RulesValues } from './rules';
import type { MessagingRules } from './types';

/** Settings > Messages > Rules: when reminders go, quiet hours, channel order, kinds on/off. */
export function RulesPanel() {
  const rules = useQuery({ queryKey: messagingKeys.rules, queryFn: ({ signal }) => getMessagingRules(signal) });
  if (rules.error) return <LoadFailed error={rules.error} onRetry={() => void rules.refetch()} testId="rules-error" />;
  if (rules.isPending) return <Skeleton h={520} radius="lg" />;
  return <RulesForm rules={rules.data} />;
}

function RulesForm({ rules }: { rules: MessagingRules }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<RulesValues>({
    initialValues: valuesFromRules(rules),
    validate: (values) => validateRules(t, values),
  });
  const save = useMutation({
    mutationFn: (values: RulesValues) => putMessagingRules(rulesPatch(rules, values)),
    onSuccess: (saved) => {
      queryClient.setQueryData(messagingKeys.rules, saved);
      const values = valuesFromRules(saved);
      form.setInitialValues(values);
      form.setValues(values);
      form.resetDirty(values);
      notifications.show({ color: 'teal', message: t('messaging.rules.saved') });
    },
    onError: (error) => form.setErrors(rulesErrors(t, error).fields),
  });
  const { other } = rulesErrors(t, save.error);
  const v = form.values;
  const dirty = form.isDirty();
  const whole = (key: keyof RulesValues, max: number) => ({
    max,
    'data-testid': `rules-${key.replaceAll('_', '-')}`,
    ...form.getInputProps(key),
  });

  return (
    <Card p={{ base: 'sm', sm: 'lg' }}>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate data-testid="rules-form">
        <Stack gap="lg">
          {save.error ? <ProblemAlert error={save.error} extra={other} testId="rules-save-error" /> : null}

          <Section label={t('messaging.rules.remindersSection')}>
            <OffsetsEditor form={form} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <WholeNumberInput
                label={t('messaging.rules.minLead')}
                description={t('messaging.rules.minLeadHint')}
                {...whole('min_lead', 720)}
              />
              <WholeNumberInput
                label={t('messaging.rules.minGap')}
                description={t('messaging.rules.minGapHint')}
                {...whole('min_gap_after_booking', 1440)}
              />
            </SimpleGrid>
          </Section>

          <Section label={t('messaging.rules.quietSection')}>
            <Switch
              label={t('messaging.rules.quietEnabled')}
              description={t('messaging.rules.quietHint')}
              checked={v.quiet_enabled}
              onChange={(e) => form.setFieldValue('quiet_enabled', e.currentTarget.checked)}
              data-testid="rules-quiet-enabled"
            />
            {v.quiet_enabled && (
              <Group gap="sm" align="flex-start">
                <TimeOfDayInput
                  label={t('messaging.rules.quietStart')}
                  data-testid="rules-quiet-start"
                  {...form.getInputProps('quiet_start')}
                />
                <TimeOfDayInput
                  label={t('messaging.rules.quietEnd')}
                  data-testid="rules-quiet-end"
                  {...form.getInputProps('quiet_end')}
                />
              </Group>
            )}
          </Section>

          <Section label={t('messaging.rules.orderSection')}>
            <Text size="sm" c="dimmed">
              {t('messaging.rules.orderHint')}
            </Text>
            <ChannelOrderList
              value={v.channel_order}
              onChange={(order) => form.setFieldValue('channel_order', order)}
              testId="rules-order"
            />
            {form.errors.channel_order && (
              <Text size="xs" c="red">
                {form.errors.channel_order}
              </Text>
            )}
          </Section>

          <Section label={t('messaging.rules.kindsSection')}>
            <KindSwitches form={form} />
          </Section>

          <Section label={t('messaging.rules.timingSection')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <WholeNumberInput
                label={t('messaging.rules.feedbackDelay')}
                description={t('messaging.rules.feedbackDelayHint')}
                {...whole('feedback_delay_minutes', 10080)}
              />
              <WholeNumberInput
                label={t('messaging.rules.comeBackLead')}
                description={t('messaging.rules.comeBackLeadHint')}
                {...whole('come_back_lead_days', 60)}
              />
              <WholeNumberInput
                label={t('messaging.rules.birthdayBefore')}
                description={t('messaging.rules.birthdayBeforeHint')}
                {...whole('birthday_days_before', 30)}
              />
            </SimpleGrid>
          </Section>

          <FormActions
            canDiscard={dirty}
            onDiscard={() => form.reset()}
            saving={save.isPending}
            saveDisabled={!dirty}
            testId="rules"
          />
        </Stack>
      </form>
    </Card>
  );
}

function Section({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <Divider label={label} labelPosition="left" />
      {children}
    </Stack>
  );
}
