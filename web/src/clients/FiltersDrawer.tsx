import {
  Button,
  Divider,
  Drawer,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeFilter, rangeErrors, type ClientFilter, type FilterKey } from './filters';
import { monthNames } from './format';
import { MoneyInput } from './MoneyInput';
import { TagPicker } from './TagChips';
import { CHANNELS, GENDERS, SOURCES, type Tag } from './types';

interface Props {
  opened: boolean;
  onClose: () => void;
  filter: ClientFilter;
  onApply: (filter: ClientFilter) => void;
  tags: readonly Tag[];
  currency: string;
}

/** All list filters in a drawer; applied together with "Show clients". */
export function FiltersDrawer({ opened, onClose, filter, onApply, tags, currency }: Props) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [draft, setDraft] = useState<ClientFilter>(filter);
  useEffect(() => {
    if (opened) setDraft(filter);
  }, [opened, filter]);

  const set = <K extends FilterKey>(key: K, value: ClientFilter[K] | undefined) =>
    setDraft((d) => {
      const next = { ...d };
      if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete next[key];
      else next[key] = value;
      return next;
    });
  const bad = rangeErrors(draft);
  const reversed = (key: FilterKey) => (bad.includes(key) ? t('clients.filters.reversed') : undefined);

  const int = (key: FilterKey, label: string, testId: string) => (
    <NumberInput
      label={label}
      min={0}
      allowNegative={false}
      allowDecimal={false}
      value={(draft[key] as number | undefined) ?? ''}
      onChange={(v) => set(key, typeof v === 'number' ? v : undefined)}
      error={reversed(key)}
      data-testid={testId}
    />
  );
  const date = (key: FilterKey, label: string, testId: string) => (
    <TextInput
      type="date"
      label={label}
      value={(draft[key] as string | undefined) ?? ''}
      onChange={(e) => set(key, e.currentTarget.value || undefined)}
      error={reversed(key)}
      data-testid={testId}
    />
  );

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      title={t('clients.filters.title')}
      position={isPhone ? 'bottom' : 'right'}
      size={isPhone ? '92%' : 'md'}
      radius={isPhone ? 'lg' : 0}
      padding="md"
    >
      <Stack gap="md" data-testid="clients-filters-panel" pb={72}>
        <Section title={t('clients.filters.tags')}>
          <TagPicker
            tags={tags}
            value={draft.tag_ids ?? []}
            onChange={(ids) => set('tag_ids', ids)}
            testId="filter-tags"
          />
        </Section>

        <Section title={t('clients.filters.person')}>
          <Select
            label={t('clients.fields.gender')}
            data={GENDERS.map((g) => ({ value: g, label: t(`clients.gender.${g}`) }))}
            value={draft.gender ?? null}
            onChange={(v) => set('gender', (v ?? undefined) as ClientFilter['gender'])}
            clearable
            placeholder={t('clients.filters.any')}
            data-testid="filter-gender"
          />
          <SimpleGrid cols={2} spacing="sm">
            {int('age_min', t('clients.filters.ageMin'), 'filter-age-min')}
            {int('age_max', t('clients.filters.ageMax'), 'filter-age-max')}
          </SimpleGrid>
          <Text size="sm" fw={500}>
            {t('clients.filters.birthday')}
          </Text>
          <Group gap="xs">
            <Button size="compact-xs" variant="light" onClick={() => {
              const md = monthDay(new Date());
              setDraft((d) => ({ ...d, birthday_from: md, birthday_to: md }));
            }} data-testid="filter-birthday-today">
              {t('clients.filters.birthdayToday')}
            </Button>
            <Button size="compact-xs" variant="light" onClick={() => {
              const now = new Date();
              const m = String(now.getMonth() + 1).padStart(2, '0');
              setDraft((d) => ({ ...d, birthday_from: `${m}-01`, birthday_to: `${m}-${String(daysIn(now.getMonth() + 1)).padStart(2, '0')}` }));
            }} data-testid="filter-birthday-month">
              {t('clients.filters.birthdayMonth')}
            </Button>
          </Group>
          <MonthDayInput
            label={t('clients.filters.from')}
            value={draft.birthday_from}
            onChange={(v) => set('birthday_from', v)}
            edge="start"
            testId="filter-birthday-from"
          />
          <MonthDayInput
            label={t('clients.filters.to')}
            value={draft.birthday_to}
            onChange={(v) => set('birthday_to', v)}
            edge="end"
            testId="filter-birthday-to"
          />
        </Section>

        <Section title={t('clients.filters.marketing')}>
          <Select
            label={t('clients.fields.source')}
            data={SOURCES.map((s) => ({ value: s, label: t(`clients.source.${s}`) }))}
            value={draft.source ?? null}
            onChange={(v) => set('source', (v ?? undefined) as ClientFilter['source'])}
            clearable
            placeholder={t('clients.filters.any')}
            data-testid="filter-source"
          />
          <Select
            label={t('clients.filters.consent')}
            data={CHANNELS.map((c) => ({ value: c, label: t(`clients.channel.${c}`) }))}
            value={draft.consent ?? null}
            onChange={(v) => set('consent', (v ?? undefined) as ClientFilter['consent'])}
            clearable
            placeholder={t('clients.filters.any')}
            data-testid="filter-consent"
          />
        </Section>

        <Section title={t('clients.filters.visits')}>
          <SimpleGrid cols={2} spacing="sm">
            {date('last_visit_after', t('clients.filters.lastVisitAfter'), 'filter-last-visit-after')}
            {date('last_visit_before', t('clients.filters.lastVisitBefore'), 'filter-last-visit-before')}
            {int('visits_min', t('clients.filters.visitsMin'), 'filter-visits-min')}
            {int('visits_max', t('clients.filters.visitsMax'), 'filter-visits-max')}
            {int('no_shows_min', t('clients.filters.noShowsMin'), 'filter-no-shows-min')}
            {int('sleeping_days', t('clients.filters.sleepingDays'), 'filter-sleeping-days')}
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="sm">
            <MoneyInput
              label={t('clients.filters.spentMin')}
              currency={currency}
              value={draft.spent_min}
              onChange={(v) => set('spent_min', v)}
              data-testid="filter-spent-min"
            />
            <MoneyInput
              label={t('clients.filters.spentMax')}
              currency={currency}
              value={draft.spent_max}
              onChange={(v) => set('spent_max', v)}
              error={reversed('spent_max')}
              data-testid="filter-spent-max"
            />
          </SimpleGrid>
        </Section>

        <Section title={t('clients.filters.created')}>
          <SimpleGrid cols={2} spacing="sm">
            {date('created_from', t('clients.filters.from'), 'filter-created-from')}
            {date('created_to', t('clients.filters.to'), 'filter-created-to')}
          </SimpleGrid>
          <Switch
            mt="xs"
            label={t('clients.filters.archived')}
            checked={draft.archived === true}
            onChange={(e) => set('archived', e.currentTarget.checked || undefined)}
            data-testid="filter-archived"
          />
        </Section>
      </Stack>

      <Group
        justify="space-between"
        pos="sticky"
        bottom={0}
        py="sm"
        bg="var(--mantine-color-body)"
        style={{ borderTop: '1px solid var(--mantine-color-gray-2)', zIndex: 3 }}
      >
        <Button variant="subtle" color="gray" onClick={() => setDraft(filter.q ? { q: filter.q } : {})} data-testid="filters-reset">
          {t('clients.filters.reset')}
        </Button>
        <Button
          disabled={bad.length > 0}
          onClick={() => {
            onApply(normalizeFilter({ ...draft, q: filter.q }));
            onClose();
          }}
          data-testid="filters-apply"
        >
          {t('clients.filters.apply')}
        </Button>
      </Group>
    </Drawer>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Divider label={title} labelPosition="left" />
      {children}
    </Stack>
  );
}

function monthDay(d: Date): string {
  return `${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function daysIn(month: number): number {
  return [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

interface MonthDayProps {
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  /** Which day a bare month means: the 1st or the last. */
  edge: 'start' | 'end';
  testId: string;
}

/** A day of the year (MM-DD) as a month and a day picker. */
function MonthDayInput({ label, value, onChange, edge, testId }: MonthDayProps) {
  const { t, i18n } = useTranslation();
  const [month, day] = value ? value.split('-').map(Number) : [undefined, undefined];
  const months = monthNames(i18n.language).map((name, i) => ({ value: String(i + 1), label: name }));
  const days = month ? Array.from({ length: daysIn(month) }, (_, i) => String(i + 1)) : [];
  const emit = (m: number | undefined, d: number | undefined) => {
    if (!m) return onChange(undefined);
    const dd = Math.min(d ?? (edge === 'start' ? 1 : daysIn(m)), daysIn(m));
    onChange(`${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`);
  };
  return (
    <Group gap="xs" grow wrap="nowrap" align="flex-end">
      <Select
        label={label}
        placeholder={t('clients.filters.month')}
        data={months}
        value={month ? String(month) : null}
        onChange={(v) => emit(v ? Number(v) : undefined, day)}
        clearable
        data-testid={`${testId}-month`}
      />
      <Select
        aria-label={`${label}: ${t('clients.filters.day')}`}
        placeholder={t('clients.filters.day')}
        data={days}
        value={day ? String(day) : null}
        onChange={(v) => emit(month, v ? Number(v) : undefined)}
        disabled={!month}
        maw={90}
        data-testid={`${testId}-day`}
      />
    </Group>
  );
}
