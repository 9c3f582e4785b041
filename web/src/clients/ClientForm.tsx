import {
  Checkbox,
  Divider,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ClientPicker } from './ClientPicker';
import type { ClientFormValues } from './clientForm';
import { PhoneListEditor } from './PhoneListEditor';
import { TagBadges, TagPicker } from './TagChips';
import { CHANNELS, CLIENT_LANGUAGES, GENDERS, SOURCES, type Tag } from './types';

interface Props {
  form: UseFormReturnType<ClientFormValues>;
  mode: 'create' | 'edit';
  /** Whether contacts and last names are shown (not for masters). */
  contacts: boolean;
  tags: readonly Tag[];
  readOnly?: boolean;
  /** The client being edited (never offered as its own referrer). */
  clientId?: number;
}

/** The fields of a client; the caller owns the form, the save and the buttons. */
export function ClientForm({ form, mode, contacts, tags, readOnly = false, clientId }: Props) {
  const { t } = useTranslation();
  const full = mode === 'edit';
  const phoneErrors: Record<number, string | undefined> = {};
  form.values.phones.forEach((_, i) => {
    const e = form.errors[`phones.${i}`];
    if (e) phoneErrors[i] = String(e);
  });

  const names = (
    <SimpleGrid cols={{ base: 1, xs: contacts ? (full ? 3 : 2) : 1 }} spacing="sm">
      <TextInput
        label={t('clients.fields.firstName')}
        required
        readOnly={readOnly}
        data-autofocus={mode === 'create' ? true : undefined}
        data-testid="client-form-first-name"
        {...form.getInputProps('first_name')}
      />
      {contacts && (
        <TextInput
          label={t('clients.fields.lastName')}
          readOnly={readOnly}
          data-testid="client-form-last-name"
          {...form.getInputProps('last_name')}
        />
      )}
      {contacts && full && (
        <TextInput
          label={t('clients.fields.middleName')}
          readOnly={readOnly}
          data-testid="client-form-middle-name"
          {...form.getInputProps('middle_name')}
        />
      )}
    </SimpleGrid>
  );

  const contactFields = contacts && (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <PhoneListEditor
        value={form.values.phones}
        onChange={(phones) => {
          form.setFieldValue('phones', phones);
          form.clearFieldError('phones');
          phones.forEach((_, i) => form.clearFieldError(`phones.${i}`));
        }}
        errors={phoneErrors}
        disabled={readOnly}
      />
      <Stack gap="sm">
        <TextInput
          label={t('clients.fields.email')}
          type="email"
          inputMode="email"
          autoComplete="off"
          readOnly={readOnly}
          data-testid="client-form-email"
          {...form.getInputProps('email')}
        />
        {full && (
          <Select
            label={t('clients.fields.language')}
            data={CLIENT_LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
            allowDeselect={false}
            readOnly={readOnly}
            data-testid="client-form-language"
            {...form.getInputProps('language')}
          />
        )}
      </Stack>
    </SimpleGrid>
  );

  const about = (
    <SimpleGrid cols={{ base: 1, xs: 2, md: full ? 4 : 2 }} spacing="sm">
      <TextInput
        type="date"
        label={t('clients.fields.birthday')}
        readOnly={readOnly}
        max="9999-12-31"
        data-testid="client-form-birthday"
        {...form.getInputProps('birthday')}
      />
      <Select
        label={t('clients.fields.gender')}
        data={GENDERS.map((g) => ({ value: g, label: t(`clients.gender.${g}`) }))}
        clearable
        readOnly={readOnly}
        data-testid="client-form-gender"
        {...form.getInputProps('gender')}
      />
      <Select
        label={t('clients.fields.source')}
        data={withCurrent(
          SOURCES.map((s) => ({ value: s, label: t(`clients.source.${s}`) })),
          form.values.source,
        )}
        clearable
        readOnly={readOnly}
        data-testid="client-form-source"
        {...form.getInputProps('source')}
      />
      {full && (
        <ClientPicker
          label={t('clients.fields.referredBy')}
          value={form.values.referred_by_id}
          onChange={(id) => form.setFieldValue('referred_by_id', id)}
          exclude={clientId ? [clientId] : []}
          readOnly={readOnly}
          error={form.errors.referred_by_id}
          data-testid="client-form-referred-by"
        />
      )}
    </SimpleGrid>
  );

  const tagField = readOnly ? (
    <TagBadges tags={tags.filter((tag) => form.values.tag_ids.includes(tag.id))} size="md" />
  ) : (
    <Stack gap={6}>
      <TagPicker
        tags={tags}
        value={form.values.tag_ids}
        onChange={(ids) => form.setFieldValue('tag_ids', ids)}
        disabled={readOnly}
        testId="client-form-tags"
      />
    </Stack>
  );

  if (!full) {
    return (
      <Stack gap="sm">
        {names}
        {contactFields}
        {about}
        <Section label={t('clients.fields.tags')}>{tagField}</Section>
        <Textarea
          label={t('clients.fields.notes')}
          autosize
          minRows={2}
          maxRows={6}
          data-testid="client-form-notes"
          {...form.getInputProps('notes')}
        />
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Section label={t('clients.sections.name')}>{names}</Section>
      {contacts && <Section label={t('clients.sections.contacts')}>{contactFields}</Section>}
      <Section label={t('clients.sections.about')}>{about}</Section>
      <Section label={t('clients.fields.tags')}>{tagField}</Section>
      <Section label={t('clients.sections.preferences')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Textarea
            label={t('clients.fields.preferences')}
            description={t('clients.fields.preferencesHint')}
            autosize
            minRows={3}
            maxRows={8}
            readOnly={readOnly}
            data-testid="client-form-preferences"
            {...form.getInputProps('preferences')}
          />
          <Textarea
            label={t('clients.fields.notes')}
            description={t('clients.fields.notesHint')}
            autosize
            minRows={3}
            maxRows={8}
            readOnly={readOnly}
            data-testid="client-form-notes"
            {...form.getInputProps('notes')}
          />
        </SimpleGrid>
      </Section>
      <Section label={t('clients.sections.marketing')}>
        <Group gap="lg" align="flex-start" wrap="wrap">
          <Checkbox.Group
            label={t('clients.fields.consent')}
            description={t('clients.fields.consentHint')}
            value={CHANNELS.filter((c) => form.values.consent[c])}
            onChange={(list) =>
              !readOnly &&
              form.setFieldValue(
                'consent',
                Object.fromEntries(CHANNELS.map((c) => [c, list.includes(c)])) as ClientFormValues['consent'],
              )
            }
            error={form.errors.consent}
          >
            <Group gap="md" mt={6}>
              {CHANNELS.map((c) => (
                <Checkbox
                  key={c}
                  value={c}
                  label={t(`clients.channel.${c}`)}
                  disabled={readOnly}
                  data-testid={`client-form-consent-${c}`}
                />
              ))}
            </Group>
          </Checkbox.Group>
          <NumberInput
            label={t('clients.fields.discount')}
            min={0}
            max={100}
            clampBehavior="strict"
            allowDecimal={false}
            allowNegative={false}
            suffix=" %"
            w={200}
            readOnly={readOnly}
            data-testid="client-form-discount"
            {...form.getInputProps('discount_percent')}
            onChange={(v) => form.setFieldValue('discount_percent', typeof v === 'number' ? v : 0)}
          />
        </Group>
      </Section>
    </Stack>
  );
}

/** Keeps a value the server knows but this app does not in the options. */
function withCurrent(options: { value: string; label: string }[], current: string | null) {
  return current && !options.some((o) => o.value === current) ? [...options, { value: current, label: current }] : options;
}

function Section({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Divider label={label} labelPosition="left" />
      {children}
    </Stack>
  );
}
