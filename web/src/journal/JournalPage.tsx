import { Anchor, Button, Center, Loader, Paper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../app/PageHeader';
import { ProblemAlert } from '../app/ProblemAlert';
import { useAuthedSession } from '../identity/session';
import { journalKeys, patchWaitlistEntry, useInvalidateBooking, useJournal, useWaitlist } from './api';
import { AppointmentPanel } from './AppointmentPanel';
import { beep } from './beep';
import { BookingDialog } from './BookingDialog';
import type { Prefill } from './bookingForm';
import { moveBody, resizeBody } from './drag';
import { buildColumns, columnsRange, type Column } from './grid';
import { GroupEventModal } from './GroupEventModal';
import { JournalGrid } from './JournalGrid';
import classes from './Journal.module.css';
import { dateTitle, JournalToolbar } from './JournalToolbar';
import { toIso, type AppointmentPiece } from './layout';
import { OutsideHoursModal } from './OutsideHoursModal';
import { canBook as canBookRole } from './permissions';
import { storedSound, storeSound } from './prefs';
import { StatusLegend } from './StatusLegend';
import type { Appointment, GroupEvent, Journal, JournalStaff, WaitlistEntry } from './types';
import { useAppointmentChange } from './useAppointmentChange';
import { useJournalEvents } from './useJournalEvents';
import { useJournalState } from './useJournalState';
import { WaitlistDrawer } from './WaitlistDrawer';

/** The current time, refreshed every minute (for the "now" line). */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(id);
  }, []);
  return now;
}

const NONE: JournalStaff[] = [];

/** The answer with what an older or partial server may leave out filled in. */
function normalized(data: Journal | undefined, from: string, days: number, timeZone: string): Journal | undefined {
  if (!data) return undefined;
  return {
    ...data,
    date: data.date || from,
    days: data.days || days,
    timezone: data.timezone || timeZone,
    staff: data.staff ?? [],
    appointments: data.appointments ?? [],
    group_events: data.group_events ?? [],
    closed_days: data.closed_days ?? [],
  };
}

/** The front desk's day: masters in columns, appointments as blocks, booking by a click. */
export function JournalPage() {
  const { t, i18n } = useTranslation();
  const session = useAuthedSession();
  const state = useJournalState(session.branches);
  const narrow = !!useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [cancelled, setCancelled] = useState(false);
  const [sound, setSound] = useState(storedSound);
  const [prefill, setPrefill] = useState<(Prefill & { waitlistId?: number }) | null>(null);
  const [openAppointment, setOpenAppointment] = useState<Appointment | null>(null);
  const [openGroup, setOpenGroup] = useState<GroupEvent | null>(null);
  const [waitlistOpen, setWaitlistOpen] = useState(false);
  const now = useNow();
  const canBook = canBookRole(session.role);
  const branch = session.branches.find((b) => b.id === state.branchId);
  const currency = branch?.currency || session.org.currency;

  const query = useJournal(state.branchId, state.from, state.days, cancelled);
  const queryKey = journalKeys.view(state.branchId ?? 0, state.from, state.days, cancelled);
  const data = query.data;
  const journal = useMemo(() => normalized(data, state.from, state.days, state.timeZone), [data, state.from, state.days, state.timeZone]);
  const timeZone = journal?.timezone ?? state.timeZone;
  const staff = journal?.staff ?? NONE;
  // A master that is not (or no longer) in the branch shows everyone (on a phone: the first).
  const master = staff.some((m) => m.id === state.master) ? state.master : null;
  const waitlist = useWaitlist(state.branchId);
  const offered = (waitlist.data ?? []).filter((e) => e.status === 'offered').length;
  const change = useAppointmentChange(queryKey);
  const invalidate = useInvalidateBooking();
  const markBooked = useMutation({
    mutationFn: (id: number) => patchWaitlistEntry(id, { status: 'booked' }),
    onSuccess: invalidate,
  });

  const onlineBeep = useCallback(() => {
    if (sound) beep();
  }, [sound]);
  useJournalEvents(state.branchId, onlineBeep);

  const only = narrow ? (master ?? staff[0]?.id ?? 0) : master;
  const columns = useMemo(() => (journal ? buildColumns(journal, only === null ? null : [only]) : []), [journal, only]);
  const range = columnsRange(columns);

  const onCell = (column: Column, minute: number) =>
    setPrefill({ staffId: column.staff.id, start: toIso(column.midnight + minute * 60_000) });
  const onMove = (piece: AppointmentPiece, target: Column, shift: number) => {
    const body = moveBody(piece.appointment, piece, target.staff.id, shift);
    if (body) change.change(piece.appointment, body);
  };
  const onResize = (piece: AppointmentPiece, delta: number) => {
    const body = resizeBody(piece.appointment, piece, delta, 5);
    if (body) change.change(piece.appointment, body);
  };
  const newAppointment = () => {
    const first = columns[0];
    if (!first) return;
    const step = state.step * 60_000;
    const today = columns.find((c) => c.date === state.today);
    const start = today && now > today.midnight + range.start * 60_000
      ? Math.ceil(now / step) * step
      : first.midnight + range.start * 60_000;
    setPrefill({ staffId: first.staff.id, start: toIso(start) });
  };
  const bookFromWaitlist = (e: WaitlistEntry) => {
    setWaitlistOpen(false);
    setPrefill({
      staffId: e.offered_staff_id ?? e.staff_id ?? staff[0]?.id ?? 0,
      start: e.offered_start!,
      clientId: e.client_id,
      serviceIds: e.service_ids,
      waitlistId: e.id,
    });
  };

  // The journal's fresher copy while it has one (a cancelled visit may leave it).
  const opened = openAppointment && (journal?.appointments.find((a) => a.id === openAppointment.id) ?? openAppointment);
  const group = openGroup && (journal?.group_events.find((g) => g.id === openGroup.id) ?? openGroup);

  return (
    <>
      <PageHeader
        title={t('pages.journal.title')}
        subtitle={t('journal.subtitle', { branch: branch?.name ?? '', zone: timeZone })}
        actions={
          canBook && columns.length > 0 ? (
            <Button leftSection={<IconPlus size={16} />} onClick={newAppointment} data-journal-noprint data-testid="journal-new">
              {t('journal.booking.title')}
            </Button>
          ) : undefined
        }
      />
      <JournalToolbar
        state={{ ...state, master }}
        branches={session.branches}
        staff={staff}
        narrow={narrow}
        cancelled={cancelled}
        onCancelled={setCancelled}
        sound={sound}
        onSound={(on) => {
          storeSound(on);
          setSound(on);
          if (on) beep();
        }}
        offered={offered}
        onWaitlist={() => setWaitlistOpen(true)}
      />
      <Text className={classes.printOnly} fw={700} size="lg" mb="xs">
        {dateTitle(state.from, state.days, i18n.language)}
      </Text>
      <StatusLegend />
      {query.error && <ProblemAlert error={query.error} testId="journal-error" />}
      {query.isPending && state.branchId !== null && (
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      )}
      {journal && staff.length === 0 && (
        <Paper withBorder p="lg" radius="md" data-testid="journal-no-masters">
          <Text fw={600}>{t('journal.noMasters')}</Text>
          <Anchor component={Link} to="/staff" size="sm">
            {t('journal.noMastersLink')}
          </Anchor>
        </Paper>
      )}
      {journal && columns.length > 0 && (
        <JournalGrid
          columns={columns}
          range={range}
          step={state.step}
          timeZone={timeZone}
          today={state.today}
          now={now}
          canBook={canBook}
          onCell={onCell}
          onOpenAppointment={(p) => setOpenAppointment(p.appointment)}
          onOpenGroup={(p) => setOpenGroup(p.event)}
          onMove={onMove}
          onResize={onResize}
        />
      )}
      {state.branchId !== null && (
        <>
          <BookingDialog
            prefill={prefill}
            timeZone={timeZone}
            branchId={state.branchId}
            masters={staff}
            currency={currency}
            step={state.step}
            onClose={() => setPrefill(null)}
            onBooked={() => {
              if (prefill?.waitlistId) markBooked.mutate(prefill.waitlistId);
            }}
          />
          <WaitlistDrawer
            opened={waitlistOpen}
            branchId={state.branchId}
            timeZone={timeZone}
            masters={staff}
            canBook={canBook}
            onBook={bookFromWaitlist}
            onClose={() => setWaitlistOpen(false)}
          />
        </>
      )}
      <AppointmentPanel appointment={opened} timeZone={timeZone} currency={currency} role={session.role} masters={staff} onClose={() => setOpenAppointment(null)} />
      <GroupEventModal event={group} timeZone={timeZone} canBook={canBook} onClose={() => setOpenGroup(null)} />
      <OutsideHoursModal opened={change.force !== null} onConfirm={change.confirmForce} onClose={change.dismissForce} />
    </>
  );
}
