import { ActionIcon, Badge, Button, Group, NativeSelect, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import {
  IconChevronLeft,
  IconChevronRight,
  IconClockPlus,
  IconPrinter,
  IconVolume,
  IconVolumeOff,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Branch } from '../identity/types';
import { addDays } from '../staff/dates';
import { STEPS, type Step } from './layout';
import type { JournalStaff } from './types';
import type { JournalState } from './useJournalState';

interface Props {
  state: JournalState;
  branches: readonly Branch[];
  staff: readonly JournalStaff[];
  /** Phones show one master at a time (no "all masters"). */
  narrow: boolean;
  cancelled: boolean;
  onCancelled: (on: boolean) => void;
  sound: boolean;
  onSound: (on: boolean) => void;
  offered: number;
  onWaitlist: () => void;
}

/** "Monday, 23 November" or "23–29 November" of civil dates. */
export function dateTitle(from: string, days: number, locale: string): string {
  const at = (d: string) => new Date(`${d}T12:00:00Z`);
  if (days <= 1) {
    const text = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(at(from));
    return text.charAt(0).toUpperCase() + text.slice(1);
  }
  const f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  return f.formatRange(at(from), at(addDays(from, days - 1)));
}

export function JournalToolbar(props: Props) {
  const { state, branches, staff, narrow } = props;
  const { t, i18n } = useTranslation();
  const masterOptions = [
    ...(narrow ? [] : [{ value: '', label: t('journal.allMasters') }]),
    ...staff.map((s) => ({ value: String(s.id), label: s.name })),
  ];
  const masterValue = state.master !== null ? String(state.master) : narrow ? String(staff[0]?.id ?? '') : '';
  return (
    <Group justify="space-between" gap="sm" mb="sm" data-journal-toolbar wrap="wrap">
      <Group gap={6} wrap="wrap">
        <ActionIcon variant="default" size="lg" onClick={() => state.shift(-1)} aria-label={t('journal.prev')} data-testid="journal-date-prev">
          <IconChevronLeft size={18} />
        </ActionIcon>
        <Button variant="default" onClick={() => state.setDate(state.today)} disabled={state.date === state.today} data-testid="journal-date-today">
          {t('journal.today')}
        </Button>
        <ActionIcon variant="default" size="lg" onClick={() => state.shift(1)} aria-label={t('journal.next')} data-testid="journal-date-next">
          <IconChevronRight size={18} />
        </ActionIcon>
        <TextInput
          type="date"
          value={state.date}
          onChange={(e) => e.currentTarget.value && state.setDate(e.currentTarget.value)}
          aria-label={t('journal.pickDate')}
          max="9999-12-31"
          w={150}
          data-testid="journal-date"
        />
        <Text fw={600} data-testid="journal-date-title">
          {dateTitle(state.from, state.days, i18n.language)}
        </Text>
      </Group>
      <Group gap={6} wrap="wrap">
        <Button.Group>
          {(['day', 'week'] as const).map((v) => (
            <Button
              key={v}
              variant={state.view === v ? 'filled' : 'default'}
              onClick={() => state.setView(v)}
              aria-pressed={state.view === v}
              data-testid={`journal-view-${v}`}
            >
              {t(`journal.view.${v}`)}
            </Button>
          ))}
        </Button.Group>
        {branches.length > 1 && (
          <NativeSelect
            aria-label={t('journal.branch')}
            value={String(state.branchId ?? '')}
            onChange={(e) => state.setBranch(Number(e.currentTarget.value))}
            data={branches.map((b) => ({ value: String(b.id), label: b.name }))}
            data-testid="journal-branch"
          />
        )}
        {staff.length > 1 && (
          <NativeSelect
            aria-label={t('journal.master')}
            value={masterValue}
            onChange={(e) => state.setMaster(e.currentTarget.value ? Number(e.currentTarget.value) : null)}
            data={masterOptions}
            data-testid="journal-master-filter"
          />
        )}
        <NativeSelect
          aria-label={t('journal.step')}
          value={String(state.step)}
          onChange={(e) => state.setStep(Number(e.currentTarget.value) as Step)}
          data={STEPS.map((s) => ({ value: String(s), label: t('journal.stepMinutes', { minutes: s }) }))}
          data-testid="journal-step"
        />
        <Switch
          label={t('journal.showCancelled')}
          checked={props.cancelled}
          onChange={(e) => props.onCancelled(e.currentTarget.checked)}
          data-testid="journal-show-cancelled"
        />
        <Tooltip label={props.sound ? t('journal.soundOff') : t('journal.soundOn')}>
          <ActionIcon
            variant={props.sound ? 'light' : 'default'}
            size="lg"
            onClick={() => props.onSound(!props.sound)}
            aria-label={props.sound ? t('journal.soundOff') : t('journal.soundOn')}
            aria-pressed={props.sound}
            data-testid="journal-sound"
          >
            {props.sound ? <IconVolume size={18} /> : <IconVolumeOff size={18} />}
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('journal.print')}>
          <ActionIcon variant="default" size="lg" onClick={() => window.print()} aria-label={t('journal.print')} data-testid="journal-print">
            <IconPrinter size={18} />
          </ActionIcon>
        </Tooltip>
        <Button
          variant="light"
          leftSection={<IconClockPlus size={16} />}
          rightSection={props.offered > 0 ? <Badge color="yellow" size="sm" circle>{props.offered}</Badge> : undefined}
          onClick={props.onWaitlist}
          data-testid="journal-waitlist"
        >
          {t('journal.waitlist.title')}
        </Button>
      </Group>
    </Group>
  );
}
