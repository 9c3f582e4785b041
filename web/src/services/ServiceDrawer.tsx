import {
  Box,
  Button,
  Checkbox,
  ColorSwatch,
  Divider,
  Drawer,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArchive } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { problemText } from '../app/problems';
import { MoneyInput } from '../clients/MoneyInput';
import { byName } from '../staff/lookups';
import type { Staff } from '../staff/types';
import { archiveService, catalogKeys, createService, updateService } from './api';
import { BUFFERS, DURATIONS, formatDuration, minuteSteps } from './duration';
import {
  bodyFromValues,
  emptyServiceValues,
  serviceFormErrors,
  validateService,
  valuesFromService,
  type ServiceFormValues,
} from './serviceForm';
import type { Category, Room, Service, ServiceStaff } from './types';

interface Props {
  opened: boolean;
  /** null: a new service (in `categoryId`). */
  service: Service | null;
  categoryId: number | null;
  categories: Category[];
  rooms: Room[];
  staff: Staff[];
  currency: string;
  onClose: () => void;
}

/** Create or edit a service with every field of the API. */
export function ServiceDrawer(props: Props) {
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const { t } = useTranslation();
  return (
    <Drawer
      opened={props.opened}
      onClose={props.onClose}
      position="right"
      size={isPhone ? '100%' : 'lg'}
      title={<Text fw={700}>{props.service ? t('services.form.editTitle') : t('services.form.newTitle')}</Text>}
      radius={isPhone ? 0 : 'md'}
    >
      {props.opened && <ServiceForm key={props.service?.id ?? `new-${props.categoryId}`} {...props} />}
    </Drawer>
  );
}

function ServiceForm({ service, categoryId, categories, rooms, staff, currency, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [confirmArchive, setConfirmArchive] = useState(false);
  const form = useForm<ServiceFormValues>({
    initialValues: service ? valuesFromService(service) : emptyServiceValues(categoryId),
    validate: (values) => validateService(t, values),
  });
  const v = form.values;

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: catalogKeys.allServices });
    void queryClient.invalidateQueries({ queryKey: catalogKeys.categories });
  };
  const save = useMutation({
    mutationFn: (values: ServiceFormValues) => {
      const body = bodyFromValues(values);
      return service ? updateService(service.id, body) : createService(body);
    },
    onSuccess: (saved) => {
      refresh();
      notifications.show({ color: 'teal', message: t('services.form.saved', { name: saved.name }) });
      onClose();
    },
    onError: (error) => form.setErrors(serviceFormErrors(t, error, form.values.staff).fields),
  });
  const archive = useMutation({
    mutationFn: () => archiveService(service!.id),
    onSuccess: () => {
      refresh();
      notifications.show({ color: 'teal', message: t('services.form.archived', { name: service!.name }) });
      onClose();
    },
    onError: (error) => {
      setConfirmArchive(false);
      const { title, detail } = problemText(t, error);
      notifications.show({ color: 'red', title, message: detail ?? '' });
    },
  });
  const { other } = serviceFormErrors(t, save.error, v.staff);

  const durationOptions = DURATIONS.map((m) => ({ value: String(m), label: formatDuration(t, m) }));
  const bufferOptions = BUFFERS.map((m) => ({ value: String(m), label: m === 0 ? t('services.form.noBuffer') : formatDuration(t, m) }));
  const processingStarts = minuteSteps(5, Math.max(5, v.duration - 10)).map((m) => ({
    value: String(m),
    label: t('services.form.afterMinutes', { time: formatDuration(t, m) }),
  }));
  const processingDurations = minuteSteps(5, Math.max(5, v.duration - 10)).map((m) => ({
    value: String(m),
    label: formatDuration(t, m),
  }));

  const staffEntry = (id: number) => v.staff.findIndex((s) => s.staff_id === id);
  const toggleStaff = (id: number, on: boolean) => {
    const next: ServiceStaff[] = on
      ? [...v.staff, { staff_id: id, price_min: null, price_max: null, duration: null }]
      : v.staff.filter((s) => s.staff_id !== id);
    form.setFieldValue('staff', next);
  };
  const liveStaff = byName(
    staff.filter((s) => !s.archived || staffEntry(s.id) >= 0),
    i18n.language,
  );

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate data-testid="service-form">
      <Stack gap="md">
        {save.error && <ProblemAlert error={save.error} extra={other} />}
        <TextInput
          label={t('services.form.name')}
          required
          data-autofocus
          maxLength={200}
          data-testid="service-form-name"
          {...form.getInputProps('name')}
        />
        <Select
          label={t('services.form.category')}
          placeholder={t('services.uncategorized')}
          data={categories.map((c) => ({ value: String(c.id), label: c.name }))}
          clearable
          comboboxProps={{ withinPortal: true }}
          data-testid="service-form-category"
          {...form.getInputProps('category_id')}
        />
        <Textarea
          label={t('services.form.description')}
          description={t('services.form.descriptionHint')}
          autosize
          minRows={2}
          maxRows={6}
          data-testid="service-form-description"
          {...form.getInputProps('description')}
        />

        <Section label={t('services.form.timeAndPrice')}>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <NativeSelect
              label={t('services.form.duration')}
              data={durationOptions}
              value={String(v.duration)}
              onChange={(e) => form.setFieldValue('duration', Number(e.currentTarget.value))}
              error={form.errors.duration}
              data-testid="service-form-duration"
            />
            <MoneyInput
              label={t('services.form.priceMin')}
              required
              currency={currency}
              value={v.price_min}
              onChange={(minor) => form.setFieldValue('price_min', minor)}
              error={form.errors.price_min}
              data-testid="service-form-price-min"
            />
            <MoneyInput
              label={t('services.form.priceMax')}
              currency={currency}
              value={v.price_max}
              onChange={(minor) => form.setFieldValue('price_max', minor)}
              error={form.errors.price_max}
              data-testid="service-form-price-max"
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={-6}>
            {t('services.form.priceMaxHint')}
          </Text>
          <NativeSelect
            label={t('services.form.buffer')}
            description={t('services.form.bufferHint')}
            data={bufferOptions}
            value={String(v.buffer_after)}
            onChange={(e) => form.setFieldValue('buffer_after', Number(e.currentTarget.value))}
            error={form.errors.buffer_after}
            data-testid="service-form-buffer"
          />
          <Switch
            label={t('services.form.processing')}
            description={t('services.form.processingHint')}
            checked={v.processing}
            onChange={(e) => form.setFieldValue('processing', e.currentTarget.checked)}
            data-testid="service-form-processing"
          />
          {v.processing && (
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <NativeSelect
                label={t('services.form.processingStart')}
                data={withValue(processingStarts, v.processing_start)}
                value={String(v.processing_start)}
                onChange={(e) => form.setFieldValue('processing_start', Number(e.currentTarget.value))}
                error={form.errors.processing_start}
                data-testid="service-form-processing-start"
              />
              <NativeSelect
                label={t('services.form.processingDuration')}
                data={withValue(processingDurations, v.processing_duration)}
                value={String(v.processing_duration)}
                onChange={(e) => form.setFieldValue('processing_duration', Number(e.currentTarget.value))}
                data-testid="service-form-processing-duration"
              />
            </SimpleGrid>
          )}
        </Section>

        <Section label={t('services.form.booking')}>
          <Switch
            label={t('services.form.online')}
            description={t('services.form.onlineHint')}
            checked={v.online_booking}
            onChange={(e) => form.setFieldValue('online_booking', e.currentTarget.checked)}
            data-testid="service-form-online"
          />
          <Group align="flex-end" gap="md" wrap="wrap">
            <Switch
              label={t('services.form.group')}
              description={t('services.form.groupHint')}
              checked={v.group}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                form.setFieldValue('group', on);
                if (on && v.capacity < 2) form.setFieldValue('capacity', 8);
              }}
              data-testid="service-form-group"
              style={{ flex: '1 1 240px' }}
            />
            {v.group && (
              <NumberInput
                label={t('services.form.capacity')}
                min={2}
                max={1000}
                allowDecimal={false}
                allowNegative={false}
                w={140}
                data-testid="service-form-capacity"
                {...form.getInputProps('capacity')}
                onChange={(x) => form.setFieldValue('capacity', typeof x === 'number' ? x : 0)}
              />
            )}
          </Group>
          <MultiSelect
            label={t('services.form.rooms')}
            description={t('services.form.roomsHint')}
            placeholder={rooms.length === 0 ? t('services.form.noRooms') : undefined}
            data={rooms.map((r) => ({ value: String(r.id), label: r.name }))}
            clearable
            comboboxProps={{ withinPortal: true }}
            data-testid="service-form-rooms"
            {...form.getInputProps('room_ids')}
          />
          <Group align="flex-end" gap="md" wrap="wrap">
            <Switch
              label={t('services.form.repeat')}
              description={t('services.form.repeatHint')}
              checked={v.repeat}
              onChange={(e) => form.setFieldValue('repeat', e.currentTarget.checked)}
              data-testid="service-form-repeat"
              style={{ flex: '1 1 240px' }}
            />
            {v.repeat && (
              <NumberInput
                label={t('services.form.repeatDays')}
                min={1}
                max={3650}
                allowDecimal={false}
                allowNegative={false}
                w={140}
                data-testid="service-form-repeat-days"
                {...form.getInputProps('repeat_after_days')}
                onChange={(x) => form.setFieldValue('repeat_after_days', typeof x === 'number' ? x : 0)}
              />
            )}
          </Group>
        </Section>

        <Section label={t('services.form.masters')}>
          <Text size="xs" c="dimmed">
            {t('services.form.mastersHint')}
          </Text>
          {form.errors.staff && (
            <Text size="sm" c="red">
              {form.errors.staff}
            </Text>
          )}
          {liveStaff.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('services.form.noMasters')}
            </Text>
          )}
          <Stack gap={6}>
            {liveStaff.map((m) => {
              const i = staffEntry(m.id);
              const entry = i >= 0 ? v.staff[i] : null;
              return (
                <Box
                  key={m.id}
                  p={8}
                  style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
                  data-testid={`service-form-staff-${m.id}`}
                >
                  <Checkbox
                    checked={!!entry}
                    onChange={(e) => toggleStaff(m.id, e.currentTarget.checked)}
                    label={
                      <Group gap={6} wrap="nowrap">
                        <ColorSwatch color={m.color} size={12} />
                        <Text size="sm">{m.name}</Text>
                        {m.position && (
                          <Text size="xs" c="dimmed" truncate>
                            {m.position}
                          </Text>
                        )}
                      </Group>
                    }
                    data-testid={`service-form-staff-${m.id}-check`}
                  />
                  {entry && (
                    <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="xs" mt={8}>
                      <MoneyInput
                        size="xs"
                        label={t('services.form.ownPriceMin')}
                        placeholder={t('services.form.asService')}
                        currency={currency}
                        value={entry.price_min ?? undefined}
                        onChange={(minor) => form.setFieldValue(`staff.${i}.price_min`, minor ?? null)}
                        data-testid={`service-form-staff-${m.id}-price-min`}
                      />
                      <MoneyInput
                        size="xs"
                        label={t('services.form.ownPriceMax')}
                        placeholder={t('services.form.asService')}
                        currency={currency}
                        value={entry.price_max ?? undefined}
                        onChange={(minor) => form.setFieldValue(`staff.${i}.price_max`, minor ?? null)}
                        error={form.errors[`staff.${i}.price_max`]}
                        data-testid={`service-form-staff-${m.id}-price-max`}
                      />
                      <NativeSelect
                        size="xs"
                        label={t('services.form.ownDuration')}
                        data={[{ value: '', label: t('services.form.asService') }, ...durationOptions]}
                        value={entry.duration === null ? '' : String(entry.duration)}
                        onChange={(e) =>
                          form.setFieldValue(
                            `staff.${i}.duration`,
                            e.currentTarget.value === '' ? null : Number(e.currentTarget.value),
                          )
                        }
                        error={form.errors[`staff.${i}.duration`]}
                        data-testid={`service-form-staff-${m.id}-duration`}
                      />
                    </SimpleGrid>
                  )}
                </Box>
              );
            })}
          </Stack>
        </Section>

        <Group justify="space-between" mt="sm" wrap="wrap" gap="xs">
          {service && !service.archived ? (
            confirmArchive ? (
              <Group gap="xs">
                <Button color="red" loading={archive.isPending} onClick={() => archive.mutate()} data-testid="service-archive-confirm">
                  {t('services.form.archiveConfirm')}
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
                data-testid="service-archive"
              >
                {t('services.form.archive')}
              </Button>
            )
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="service-form-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** Keeps a saved value that is not among the generated options. */
function withValue(options: { value: string; label: string }[], value: number) {
  return options.some((o) => o.value === String(value)) ? options : [{ value: String(value), label: String(value) }, ...options];
}

function Section({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <Divider label={label} labelPosition="left" />
      {children}
    </Stack>
  );
}
