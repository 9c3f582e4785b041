import { Badge, CloseButton, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FILTER_KEYS, normalizeFilter, withoutKey, type ClientFilter, type FilterKey } from './filters';
import { formatCivilDate, formatMonthDay } from './format';
import { formatMoney } from './money';
import type { Tag } from './types';

interface Props {
  filter: ClientFilter;
  onChange: (filter: ClientFilter) => void;
  tags: readonly Tag[];
  currency: string;
}

/** The applied filters as removable badges. */
export function ActiveFilters({ filter, onChange, tags, currency }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const clean = normalizeFilter(filter as Record<string, unknown>);
  const keys = (Object.keys(FILTER_KEYS) as FilterKey[]).filter((k) => k !== 'q' && clean[k] !== undefined);
  if (keys.length === 0) return null;

  const valueOf = (key: FilterKey): string => {
    const v = clean[key];
    switch (key) {
      case 'tag_ids':
        return (v as number[]).map((id) => tags.find((tag) => tag.id === id)?.name ?? `#${id}`).join(', ');
      case 'gender':
        return t(`clients.gender.${String(v)}`);
      case 'source':
        return t(`clients.source.${String(v)}`);
      case 'consent':
        return t(`clients.channel.${String(v)}`);
      case 'birthday_from':
      case 'birthday_to':
        return formatMonthDay(v as string, lang);
      case 'spent_min':
      case 'spent_max':
        return formatMoney(v as number, currency, lang);
      case 'created_from':
      case 'created_to':
      case 'last_visit_after':
      case 'last_visit_before':
        return formatCivilDate(v as string, lang);
      case 'archived':
        return '';
      default:
        return String(v);
    }
  };

  return (
    <Group gap={6} data-testid="clients-active-filters">
      {keys.map((key) => (
        <Badge
          key={key}
          variant="light"
          size="lg"
          radius="xl"
          tt="none"
          fw={500}
          pr={4}
          rightSection={
            <CloseButton
              size="xs"
              variant="transparent"
              aria-label={t('clients.filters.remove')}
              onClick={() => onChange(withoutKey(filter, key))}
              data-testid={`active-filter-remove-${key}`}
            />
          }
          data-testid={`active-filter-${key}`}
        >
          {t(`clients.filters.chip.${key}`, { value: valueOf(key) })}
        </Badge>
      ))}
      <Badge
        component="button"
        variant="transparent"
        color="gray"
        size="lg"
        tt="none"
        fw={500}
        style={{ cursor: 'pointer' }}
        onClick={() => onChange(filter.q ? { q: filter.q } : {})}
        data-testid="active-filters-clear"
      >
        {t('clients.filters.clearAll')}
      </Badge>
    </Group>
  );
}
