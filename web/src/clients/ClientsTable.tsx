import { Anchor, Card, Checkbox, Group, Popover, Skeleton, Stack, Table, Text, ActionIcon, Tooltip } from '@mantine/core';
import { IconColumns3 } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { COLUMNS, type Column } from './columns';
import { formatCivilDate, formatInstantDate } from './format';
import { formatMoney } from './money';
import { formatPhone } from './phoneList';
import { TagBadges } from './TagChips';
import type { Client } from './types';

interface Props {
  clients: readonly Client[];
  columns: readonly Column[];
  currency: string;
  loading: boolean;
  isPhone: boolean;
  empty: ReactNode;
}

const NUMERIC: readonly Column[] = ['visits', 'total_spent'];

/** The client list: a table on wide screens, cards on phones. */
export function ClientsTable({ clients, columns, currency, loading, isPhone, empty }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const lang = i18n.language;

  const cell = (c: Client, col: Column): ReactNode => {
    switch (col) {
      case 'phone':
        return c.phones?.[0] ? formatPhone(c.phones[0]) : '';
      case 'email':
        return c.email ?? '';
      case 'tags':
        return <TagBadges tags={c.tags ?? []} size="sm" />;
      case 'birthday':
        return formatCivilDate(c.birthday, lang);
      case 'last_visit':
        return formatInstantDate(c.stats?.last_visit_at, lang);
      case 'visits':
        return String(c.stats?.visits ?? 0);
      case 'total_spent':
        return formatMoney(c.stats?.total_spent ?? 0, currency, lang);
      case 'source':
        return c.source ? t(`clients.source.${c.source}`) : '';
      case 'created':
        return formatInstantDate(c.created_at, lang);
    }
  };

  const name = (c: Client) => (
    <Anchor
      component={Link}
      to={`/clients/${c.id}`}
      fw={600}
      size="sm"
      c="inherit"
      onClick={(e) => e.stopPropagation()}
      data-testid={`clients-name-${c.id}`}
    >
      {c.display_name}
    </Anchor>
  );

  if (isPhone) {
    return (
      <Stack gap="sm" data-testid="clients-list">
        {loading && clients.length === 0 && [0, 1, 2].map((i) => <Skeleton key={i} h={84} radius="lg" />)}
        {clients.map((c) => (
          <Card
            key={c.id}
            p="sm"
            data-testid={`clients-row-${c.id}`}
            onClick={() => navigate(`/clients/${c.id}`)}
            style={{ cursor: 'pointer' }}
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <Stack gap={2} miw={0}>
                {name(c)}
                {columns.includes('phone') && c.phones?.[0] && (
                  <Text size="sm" c="dimmed">
                    {formatPhone(c.phones[0])}
                  </Text>
                )}
              </Stack>
              {columns.includes('visits') && (
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {t('clients.visitsCount', { n: c.stats?.visits ?? 0 })}
                </Text>
              )}
            </Group>
            {columns.includes('tags') && (c.tags ?? []).length > 0 && (
              <div style={{ marginTop: 6 }}>
                <TagBadges tags={c.tags} size="xs" />
              </div>
            )}
            {columns.includes('last_visit') && c.stats?.last_visit_at && (
              <Text size="xs" c="dimmed" mt={4}>
                {t('clients.lastVisitOn', { date: formatInstantDate(c.stats.last_visit_at, lang) })}
              </Text>
            )}
          </Card>
        ))}
        {!loading && clients.length === 0 && empty}
      </Stack>
    );
  }

  return (
    <Card p={0} withBorder>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="clients-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('clients.columns.name')}</Table.Th>
              {columns.map((col) => (
                <Table.Th key={col} ta={NUMERIC.includes(col) ? 'right' : undefined} data-testid={`clients-col-${col}`}>
                  {t(`clients.columns.${col}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loading &&
              clients.length === 0 &&
              [0, 1, 2, 3].map((i) => (
                <Table.Tr key={i}>
                  {[null, ...columns].map((_, j) => (
                    <Table.Td key={j}>
                      <Skeleton h={14} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            {clients.map((c) => (
              <Table.Tr
                key={c.id}
                data-testid={`clients-row-${c.id}`}
                onClick={() => navigate(`/clients/${c.id}`)}
                style={{ cursor: 'pointer' }}
              >
                <Table.Td>{name(c)}</Table.Td>
                {columns.map((col) => (
                  <Table.Td
                    key={col}
                    ta={NUMERIC.includes(col) ? 'right' : undefined}
                    style={col === 'total_spent' || col === 'phone' ? { whiteSpace: 'nowrap' } : undefined}
                  >
                    {typeof cell(c, col) === 'string' ? <Text size="sm">{cell(c, col)}</Text> : cell(c, col)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
            {!loading && clients.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={columns.length + 1}>{empty}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

interface PickerProps {
  offered: readonly Column[];
  value: readonly Column[];
  onChange: (columns: Column[]) => void;
}

/** Which optional columns the list shows. */
export function ColumnsPicker({ offered, value, onChange }: PickerProps) {
  const { t } = useTranslation();
  return (
    <Popover position="bottom-end" shadow="md" withinPortal>
      <Popover.Target>
        <Tooltip label={t('clients.columns.choose')}>
          <ActionIcon variant="default" size="input-sm" aria-label={t('clients.columns.choose')} data-testid="clients-columns">
            <IconColumns3 size={18} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <Checkbox.Group
          label={t('clients.columns.choose')}
          value={[...value]}
          onChange={(list) => onChange(COLUMNS.filter((c) => list.includes(c)))}
        >
          <Stack gap={8} mt="xs">
            {offered.map((col) => (
              <Checkbox key={col} value={col} label={t(`clients.columns.${col}`)} data-testid={`clients-column-${col}`} />
            ))}
          </Stack>
        </Checkbox.Group>
      </Popover.Dropdown>
    </Popover>
  );
}
