import {
  ColorInput,
  Divider,
  MultiSelect,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Branch, User } from '../identity/types';
import type { Service } from '../services/types';
import { STAFF_COLORS, type StaffFormValues } from './staffForm';
import { BOOKING_STEPS } from './types';

interface Props {
  form: UseFormReturnType<StaffFormValues>;
  services: Service[];
  /** null when the viewer may not list users. */
  users: User[] | null;
  branches: Branch[];
  contacts: boolean;
  readOnly?: boolean;
}

/** The fields of a master; the caller owns the form, the save and the buttons. */
export function StaffForm({ form, services, users, branches, contacts, readOnly = false }: Props) {
  const { t } = useTranslation();
  const v = form.values;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          label={t('staff.form.name')}
          required
          readOnly={readOnly}
          data-autofocus
          maxLength={200}
          data-testid="staff-form-name"
          {...form.getInputProps('name')}
        />
        <TextInput
          label={t('staff.form.position')}
          placeholder={t('staff.form.positionPlaceholder')}
          readOnly={readOnly}
          maxLength={200}
          data-testid="staff-form-position"
          {...form.getInputProps('position')}
        />
      </SimpleGrid>
      {contacts && (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={t('staff.form.phone')}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            placeholder="+380 67 123 45 67"
            readOnly={readOnly}
            data-testid="staff-form-phone"
            {...form.getInputProps('phone')}
          />
          <TextInput
            label={t('staff.form.email')}
            type="email"
            inputMode="email"
            autoComplete="off"
            readOnly={readOnly}
            data-testid="staff-form-email"
            {...form.getInputProps('email')}
          />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <ColorInput
          label={t('staff.form.color')}
          description={t('staff.form.colorHint')}
          format="hex"
          swatches={STAFF_COLORS}
          swatchesPerRow={7}
          withEyeDropper={false}
          readOnly={readOnly}
          data-testid="staff-form-color"
          {...form.getInputProps('color')}
        />
        <NativeSelect
          label={t('staff.form.bookingStep')}
          description={t('staff.form.bookingStepHint')}
          data={BOOKING_STEPS.map((s) => ({ value: String(s), label: t('staff.stepMinutes', { n: s }) }))}
          disabled={readOnly}
          data-testid="staff-form-booking-step"
          {...form.getInputProps('booking_step')}
        />
      </SimpleGrid>
      {branches.length > 1 && (
        <NativeSelect
          label={t('staff.form.branch')}
          data={branches.map((b) => ({ value: String(b.id), label: b.name }))}
          disabled={readOnly}
          data-testid="staff-form-branch"
          {...form.getInputProps('branch_id')}
        />
      )}
      <Switch
        label={t('staff.form.online')}
        description={t('staff.form.onlineHint')}
        checked={v.online_booking}
        disabled={readOnly}
        onChange={(e) => form.setFieldValue('online_booking', e.currentTarget.checked)}
        data-testid="staff-form-online"
      />
      <Section label={t('staff.form.servicesSection')}>
        <MultiSelect
          label={t('staff.form.services')}
          placeholder={services.length === 0 ? t('staff.form.noServices') : t('staff.form.servicesPlaceholder')}
          data={services.map((s) => ({ value: String(s.id), label: s.name }))}
          searchable
          clearable
          hidePickedOptions
          readOnly={readOnly}
          nothingFoundMessage={t('common.nothingFound')}
          comboboxProps={{ withinPortal: true }}
          data-testid="staff-form-services"
          {...form.getInputProps('service_ids')}
        />
      </Section>
      <Section label={t('staff.form.employment')}>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            type="date"
            label={t('staff.form.hireDate')}
            max="9999-12-31"
            readOnly={readOnly}
            data-testid="staff-form-hire-date"
            {...form.getInputProps('hire_date')}
          />
          <TextInput
            type="date"
            label={t('staff.form.workPermit')}
            max="9999-12-31"
            readOnly={readOnly}
            data-testid="staff-form-work-permit"
            {...form.getInputProps('work_permit_expires')}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt={-6}>
          {t('staff.form.workPermitHint')}
        </Text>
        {users !== null && (
          <Select
            label={t('staff.form.user')}
            description={t('staff.form.userHint')}
            placeholder={t('staff.form.noUser')}
            data={users
              .filter((u) => u.active || String(u.id) === v.user_id)
              .map((u) => ({ value: String(u.id), label: `${u.name} · ${u.email}` }))}
            clearable
            searchable
            readOnly={readOnly}
            nothingFoundMessage={t('common.nothingFound')}
            comboboxProps={{ withinPortal: true }}
            data-testid="staff-form-user"
            {...form.getInputProps('user_id')}
          />
        )}
        <Textarea
          label={t('staff.form.bio')}
          description={t('staff.form.bioHint')}
          autosize
          minRows={2}
          maxRows={6}
          readOnly={readOnly}
          data-testid="staff-form-bio"
          {...form.getInputProps('bio')}
        />
      </Section>
    </Stack>
  );
}

function Section({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Divider label={label} labelPosition="left" />
      {children}
    </Stack>
  );
}
