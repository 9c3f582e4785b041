import { ActionIcon, Button, Group, NativeSelect, NumberInput, Paper, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../clients/money';
import { MoneyInput } from '../clients/MoneyInput';
import { formatDuration } from '../services/duration';
import type { Service } from '../services/types';
import type { Staff } from '../staff/types';
import { defaultsFor, itemFor, performs, servicesFor, type BookingValues } from './bookingForm';
import type { JournalStaff } from './types';

interface Props {
  form: UseFormReturnType<BookingValues>;
  services: readonly Service[];
  staff: readonly Staff[];
  masters: readonly JournalStaff[];
  currency: string;
}

/** The services of a booking: service, master, duration and price, one row each. */
export function BookingItems({ form, services, staff, masters, currency }: Props) {
  const { t, i18n } = useTranslation();
  const items = form.values.items;
  const byId = new Map(services.map((s) => [s.id, s]));

  const pickService = (index: number, id: number | null) => {
    const service = id === null ? undefined : byId.get(id);
    const item = items[index];
    const d = service ? defaultsFor(service, item.staff_id) : null;
    form.setFieldValue(`items.${index}`, {
      ...item,
      service_id: id,
      duration: d?.duration ?? item.duration,
      price: d?.price ?? item.price,
    });
  };
  const pickMaster = (index: number, staffId: number) => {
    const item = items[index];
    const service = item.service_id === null ? undefined : byId.get(item.service_id);
    const keep = service && performs(service, staffId, staff);
    const d = keep ? defaultsFor(service, staffId) : null;
    form.setFieldValue(`items.${index}`, {
      ...item,
      staff_id: staffId,
      service_id: keep ? item.service_id : null,
      duration: d?.duration ?? item.duration,
      price: d ? d.price : undefined,
    });
  };

  const total = items.reduce((sum, i) => sum + (i.price ?? 0), 0);
  const minutes = items.reduce((sum, i) => sum + (i.duration || 0), 0);

  return (
    <Stack gap="xs">
      {items.map((item, index) => {
        const options = servicesFor(services, item.staff_id, staff).map((s) => ({ value: String(s.id), label: s.name }));
        return (
          <Paper key={item.key} withBorder radius="md" p="xs" data-testid={`booking-item-${index}`}>
            <Group gap="xs" align="flex-start" wrap="wrap">
              <Select
                label={t('journal.booking.service')}
                placeholder={t('journal.booking.servicePlaceholder')}
                searchable
                data={options}
                value={item.service_id === null ? null : String(item.service_id)}
                onChange={(v) => pickService(index, v ? Number(v) : null)}
                nothingFoundMessage={t('journal.booking.noServices')}
                error={form.errors[`items.${index}.service_id`]}
                comboboxProps={{ withinPortal: true }}
                style={{ flex: '2 1 220px' }}
                data-testid={`booking-service-${index}`}
              />
              <NativeSelect
                label={t('journal.master')}
                value={String(item.staff_id)}
                onChange={(e) => pickMaster(index, Number(e.currentTarget.value))}
                data={masters.map((m) => ({ value: String(m.id), label: m.name }))}
                error={form.errors[`items.${index}.staff_id`]}
                style={{ flex: '1 1 150px' }}
                data-testid={`booking-master-${index}`}
              />
              <NumberInput
                label={t('journal.booking.duration')}
                min={5}
                max={1440}
                step={5}
                allowDecimal={false}
                suffix={` ${t('journal.min')}`}
                value={item.duration}
                onChange={(v) => form.setFieldValue(`items.${index}.duration`, Number(v) || 0)}
                error={form.errors[`items.${index}.duration`]}
                w={110}
                data-testid={`booking-duration-${index}`}
              />
              <MoneyInput
                label={t('journal.booking.price')}
                currency={currency}
                value={item.price}
                onChange={(v) => form.setFieldValue(`items.${index}.price`, v)}
                error={form.errors[`items.${index}.price`]}
                w={120}
                data-testid={`booking-price-${index}`}
              />
              {items.length > 1 && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={26}
                  onClick={() => form.removeListItem('items', index)}
                  aria-label={t('journal.booking.removeService')}
                  data-testid={`booking-remove-${index}`}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              )}
            </Group>
          </Paper>
        );
      })}
      <Group justify="space-between">
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => form.insertListItem('items', itemFor(items[items.length - 1]?.staff_id ?? masters[0]?.id ?? 0, undefined))}
          data-testid="booking-add-service"
        >
          {t('journal.booking.addService')}
        </Button>
        <Text size="sm" fw={600} data-testid="booking-total">
          {formatDuration(t, minutes)} · {formatMoney(total, currency, i18n.language)}
        </Text>
      </Group>
    </Stack>
  );
}
