import { Badge, Button, Group, Indicator, Stack, Text, TextInput, CloseButton } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconAdjustmentsHorizontal,
  IconFileSpreadsheet,
  IconFileTypeCsv,
  IconFileUpload,
  IconSearch,
  IconTags,
  IconUserPlus,
  IconUsers,
} from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../app/PageHeader';
import { ProblemAlert } from '../app/ProblemAlert';
import { problemText } from '../app/problems';
import { useAuthedSession } from '../identity/session';
import { ActiveFilters } from './ActiveFilters';
import { clientKeys, exportListPath, listClients, listQuery, listTags } from './api';
import { ClientsTable, ColumnsPicker } from './ClientsTable';
import { columnsFor, columnsOffered, loadColumns, saveColumns, type Column } from './columns';
import { CreateClientModal } from './CreateClientModal';
import { activeFilterCount, filterFromParams, filterToParams, type ClientFilter } from './filters';
import { FiltersDrawer } from './FiltersDrawer';
import { download } from './http';
import { canEditClients } from './permissions';
import { SegmentsControl } from './SegmentsControl';

export function ClientsListPage() {
  const { t } = useTranslation();
  const session = useAuthedSession();
  const role = session.role;
  const currency = session.org.currency || 'UAH';
  const canEdit = canEditClients(role);
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });

  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const query = listQuery(filter);
  const applyFilter = (next: ClientFilter) => setParams(filterToParams(next), { replace: true });

  // Search as you type: the URL (and so the list) follows 200 ms after the last key.
  const [search, setSearch] = useState(filter.q ?? '');
  const [debounced] = useDebouncedValue(search, 200);
  useEffect(() => {
    const q = debounced.trim();
    if (q !== (filter.q ?? '')) applyFilter({ ...filter, q: q || undefined });
    // Only a new debounced value should write the URL.
  }, [debounced]);
  useEffect(() => {
    // The URL changed elsewhere (segment, back button): show its search text.
    setSearch((s) => (s.trim() === (filter.q ?? '') ? s : (filter.q ?? '')));
  }, [filter.q]);

  const [columns, setColumns] = useState<Column[]>(() => loadColumns());
  const shown = columnsFor(role, columns);
  const changeColumns = (next: Column[]) => {
    setColumns(next);
    saveColumns(next);
  };

  const [filtersOpened, filtersDrawer] = useDisclosure(false);
  const [createOpened, createModal] = useDisclosure(false);
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);

  const tags = useQuery({ queryKey: clientKeys.tags, queryFn: ({ signal }) => listTags(signal) });
  const list = useInfiniteQuery({
    queryKey: clientKeys.list(query),
    queryFn: ({ pageParam, signal }) =>
      listClients(filter, { cursor: pageParam, withTotal: pageParam === null }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });

  const clients = list.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  const total = list.data?.pages[0]?.total ?? null;
  const filtered = activeFilterCount(filter) > 0 || !!filter.q;

  const runExport = async (format: 'csv' | 'xlsx') => {
    setExporting(format);
    try {
      await download(exportListPath(filter, format), `clients.${format}`);
    } catch (error) {
      const { title, detail } = problemText(t, error);
      notifications.show({ color: 'red', title, message: detail ?? '' });
    } finally {
      setExporting(null);
    }
  };

  const exportButtons = (compact: boolean) =>
    canEdit && (
      <Button.Group>
        {(['csv', 'xlsx'] as const).map((format) => (
          <Button
            key={format}
            variant={compact ? 'subtle' : 'default'}
            size={compact ? 'compact-sm' : 'sm'}
            leftSection={format === 'csv' ? <IconFileTypeCsv size={16} /> : <IconFileSpreadsheet size={16} />}
            loading={exporting === format}
            onClick={() => void runExport(format)}
            title={t(`clients.export.${format}`)}
            data-testid={`clients-export-${format}`}
          >
            {format.toUpperCase()}
          </Button>
        ))}
      </Button.Group>
    );

  const empty = (
    <Stack align="center" gap={4} py="xl" data-testid="clients-empty">
      <IconUsers size={36} stroke={1.3} color="var(--mantine-color-gray-5)" />
      <Text fw={600}>{filtered ? t('clients.emptyFiltered') : t('clients.empty')}</Text>
      <Text size="sm" c="dimmed" ta="center">
        {filtered ? t('clients.emptyFilteredHint') : canEdit ? t('clients.emptyHint') : ''}
      </Text>
    </Stack>
  );

  return (
    <>
      <PageHeader
        title={t('pages.clients.title')}
        subtitle={t('pages.clients.subtitle')}
        actions={
          canEdit && (
            <Group gap="xs">
              <Button
                component={Link}
                to="/settings?tab=clients"
                variant="subtle"
                leftSection={<IconTags size={16} />}
                visibleFrom="sm"
                data-testid="clients-tags"
              >
                {t('clients.tags.manage')}
              </Button>
              <Button
                component={Link}
                to="/clients/import"
                variant="default"
                leftSection={<IconFileUpload size={16} />}
                data-testid="clients-import"
              >
                {t('clients.import.button')}
              </Button>
              <Button leftSection={<IconUserPlus size={16} />} onClick={createModal.open} data-testid="clients-new">
                {t('clients.new')}
              </Button>
            </Group>
          )
        }
      />

      <Stack gap="sm">
        <Group gap="xs" wrap="wrap">
          <TextInput
            flex={isPhone ? '1 0 100%' : 1}
            miw={isPhone ? undefined : 220}
            leftSection={<IconSearch size={16} />}
            placeholder={canEdit ? t('clients.searchPlaceholder') : t('clients.searchPlaceholderNames')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            rightSection={
              search ? (
                <CloseButton size="sm" aria-label={t('clients.clearSearch')} onClick={() => setSearch('')} />
              ) : undefined
            }
            aria-label={t('clients.search')}
            type="search"
            data-testid="clients-search"
          />
          <Indicator
            label={activeFilterCount(filter)}
            size={18}
            disabled={activeFilterCount(filter) === 0}
            offset={4}
          >
            <Button
              variant="default"
              leftSection={<IconAdjustmentsHorizontal size={16} />}
              onClick={filtersDrawer.open}
              data-testid="clients-filters"
            >
              {t('clients.filters.button')}
            </Button>
          </Indicator>
          <SegmentsControl filter={filter} onApply={applyFilter} grow={!!isPhone} />
          <ColumnsPicker offered={columnsOffered(role)} value={shown} onChange={changeColumns} />
          {!isPhone && exportButtons(false)}
        </Group>

        <ActiveFilters filter={filter} onChange={applyFilter} tags={tags.data ?? []} currency={currency} />

        {list.error && !list.data ? (
          <Stack>
            <ProblemAlert error={list.error} testId="clients-error" />
            <Button variant="light" onClick={() => void list.refetch()} w="fit-content">
              {t('app.retry')}
            </Button>
          </Stack>
        ) : (
          <>
            <Group justify="space-between" gap="xs">
              <Text size="sm" c="dimmed" data-testid="clients-count">
                {list.isPending
                  ? t('app.loading')
                  : total !== null && total !== undefined
                    ? t('clients.shownOf', { shown: clients.length, total })
                    : t('clients.shown', { shown: clients.length })}
              </Text>
              <Group gap="xs">
                {list.isFetching && !list.isPending && !list.isFetchingNextPage && (
                  <Badge variant="light" color="gray" size="sm">
                    {t('app.loading')}
                  </Badge>
                )}
                {isPhone && exportButtons(true)}
              </Group>
            </Group>
            <ClientsTable
              clients={clients}
              columns={shown}
              currency={currency}
              loading={list.isPending}
              isPhone={!!isPhone}
              empty={empty}
            />
            {list.hasNextPage && (
              <Group justify="center">
                <Button
                  variant="light"
                  loading={list.isFetchingNextPage}
                  onClick={() => void list.fetchNextPage()}
                  data-testid="clients-load-more"
                >
                  {t('clients.loadMore')}
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>

      <FiltersDrawer
        opened={filtersOpened}
        onClose={filtersDrawer.close}
        filter={filter}
        onApply={applyFilter}
        tags={tags.data ?? []}
        currency={currency}
      />
      {canEdit && <CreateClientModal opened={createOpened} onClose={createModal.close} tags={tags.data ?? []} />}
    </>
  );
}
