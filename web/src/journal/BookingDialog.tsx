import { Center, Loader, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { listStaff, staffKeys } from '../staff/api';
import { useServicesList } from '../staff/lookups';
import { servicesFor, type Prefill } from './bookingForm';
import { BookingForm } from './BookingForm';
import { GroupEventForm } from './GroupEventForm';
import type { Appointment, JournalStaff } from './types';

interface Props {
  /** null: closed. */
  prefill: Prefill | null;
  timeZone: string;
  branchId: number;
  masters: readonly JournalStaff[];
  currency: string;
  step: number;
  onClose: () => void;
  onBooked?: (appointment: Appointment) => void;
}

/** Click on a free cell -> this dialog, with the master and the time filled in. */
export function BookingDialog(props: Props) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  return (
    <Modal
      opened={props.prefill !== null}
      onClose={props.onClose}
      title={<Text fw={700}>{t('journal.booking.title')}</Text>}
      size="xl"
      radius="lg"
      fullScreen={isPhone}
    >
      {props.prefill && <DialogBody key={`${props.prefill.staffId}-${props.prefill.start}`} {...props} prefill={props.prefill} />}
    </Modal>
  );
}

function DialogBody({ prefill, timeZone, branchId, masters, currency, step, onClose, onBooked }: Props & { prefill: Prefill }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'appointment' | 'group'>('appointment');
  const services = useServicesList();
  const staff = useQuery({ queryKey: staffKeys.list(false), queryFn: ({ signal }) => listStaff(false, signal) });
  if (services.isPending || staff.isPending) {
    return (
      <Center py="xl" data-testid="booking-dialog" data-loading>
        <Loader size="sm" />
      </Center>
    );
  }
  if (services.error) return <ProblemAlert error={services.error} />;
  const all = services.data ?? [];
  const team = staff.data ?? [];
  const groupServices = servicesFor(all, prefill.staffId, team, true);
  return (
    <Stack gap="sm" data-testid="booking-dialog">
      {groupServices.length > 0 && (
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v as 'appointment' | 'group')}
          data={[
            { value: 'appointment', label: t('journal.booking.modeAppointment') },
            { value: 'group', label: t('journal.booking.modeGroup') },
          ]}
          data-testid="booking-mode"
        />
      )}
      {mode === 'group' ? (
        <GroupEventForm
          prefill={prefill}
          timeZone={timeZone}
          branchId={branchId}
          services={groupServices}
          onDone={onClose}
          onCancel={onClose}
        />
      ) : (
        <BookingForm
          prefill={prefill}
          timeZone={timeZone}
          branchId={branchId}
          services={all}
          staff={team}
          masters={masters}
          currency={currency}
          step={step}
          onDone={(a) => {
            onBooked?.(a);
            onClose();
          }}
          onCancel={onClose}
        />
      )}
    </Stack>
  );
}
