import { Button, Group, Skeleton, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCategoryPlus, IconPlus, IconScissors } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../app/PageHeader';
import { ProblemAlert } from '../app/ProblemAlert';
import { problemText } from '../app/problems';
import { useAuthedSession } from '../identity/session';
import { listStaff, staffKeys } from '../staff/api';
import { catalogKeys, listCategories, listRooms, listServicesIncluding, orderCategories, orderServices } from './api';
import { CategoryModal } from './CategoryModal';
import { CategorySection } from './CategorySection';
import { canEditCatalog } from './permissions';
import { ServiceDrawer } from './ServiceDrawer';
import { SortableList } from './Sortable';
import type { Category, Service } from './types';

type Editing = { service: Service | null; categoryId: number | null } | null;

/** Sections of the price list: categories in their order, then services without one. */
export function groupServices(categories: readonly Category[], services: readonly Service[]) {
  // Archived services (shown on request) go after the live ones.
  const byPosition = <T extends { position: number; id: number; archived?: boolean }>(a: T, b: T) =>
    Number(!!a.archived) - Number(!!b.archived) || a.position - b.position || a.id - b.id;
  const known = new Set(categories.map((c) => c.id));
  const sections = [...categories].sort(byPosition).map((c) => ({
    category: c as Category | null,
    services: services.filter((s) => s.category_id === c.id).sort(byPosition),
  }));
  const loose = services.filter((s) => s.category_id === null || !known.has(s.category_id)).sort(byPosition);
  if (loose.length > 0) sections.push({ category: null, services: loose });
  return sections;
}

export function ServicesPage() {
  const { t } = useTranslation();
  const session = useAuthedSession();
  const queryClient = useQueryClient();
  const canEdit = canEditCatalog(session.role);
  const currency = session.org.currency || 'UAH';
  const [params, setParams] = useSearchParams();
  const archived = params.get('archived') === 'true';
  const [editing, setEditing] = useState<Editing>(null);
  const [category, setCategory] = useState<Category | 'new' | null>(null);

  const categories = useQuery({ queryKey: catalogKeys.categories, queryFn: ({ signal }) => listCategories(signal) });
  const services = useQuery({
    queryKey: catalogKeys.services(archived),
    queryFn: ({ signal }) => listServicesIncluding(archived, signal),
  });
  const staff = useQuery({ queryKey: staffKeys.list(false), queryFn: ({ signal }) => listStaff(false, signal), enabled: canEdit });
  const branchId = session.branches[0]?.id ?? null;
  const rooms = useQuery({
    queryKey: catalogKeys.rooms(branchId),
    queryFn: ({ signal }) => listRooms(branchId, false, signal),
    enabled: canEdit,
  });

  const sections = useMemo(
    () => groupServices(categories.data ?? [], services.data ?? []),
    [categories.data, services.data],
  );

  const failed = (error: unknown) => {
    const { title, detail } = problemText(t, error);
    notifications.show({ color: 'red', title, message: detail ?? '' });
  };

  // Reordering shows the new order at once and puts it to the server.
  const reorderCategories = async (ids: number[]) => {
    queryClient.setQueryData<Category[]>(catalogKeys.categories, (old) =>
      old?.map((c) => ({ ...c, position: ids.indexOf(c.id) })),
    );
    try {
      const saved = await orderCategories(ids);
      if (saved.length > 0) queryClient.setQueryData(catalogKeys.categories, saved);
    } catch (error) {
      failed(error);
      void queryClient.invalidateQueries({ queryKey: catalogKeys.categories });
    }
  };
  const reorderServices = async (ids: number[]) => {
    queryClient.setQueriesData<Service[]>({ queryKey: catalogKeys.allServices }, (old) =>
      old?.map((s) => (ids.includes(s.id) ? { ...s, position: ids.indexOf(s.id) } : s)),
    );
    try {
      await orderServices(ids);
    } catch (error) {
      failed(error);
    } finally {
      void queryClient.invalidateQueries({ queryKey: catalogKeys.allServices });
    }
  };

  const error = categories.error ?? services.error;
  const loading = categories.isPending || services.isPending;
  const sortable = canEdit && !archived;
  const sectionIds = sections.filter((s) => s.category).map((s) => `c${s.category!.id}`);

  return (
    <Stack gap={0} data-testid="services-page">
      <PageHeader
        title={t('pages.services.title')}
        subtitle={t('pages.services.subtitle')}
        actions={
          canEdit && (
            <Group gap="xs">
              <Button
                variant="default"
                leftSection={<IconCategoryPlus size={16} />}
                onClick={() => setCategory('new')}
                data-testid="category-new"
              >
                {t('services.category.new')}
              </Button>
              <Button
                leftSection={<IconPlus size={16} />}
                onClick={() => setEditing({ service: null, categoryId: null })}
                data-testid="service-new"
              >
                {t('services.new')}
              </Button>
            </Group>
          )
        }
      />
      <Group justify="space-between" mb="sm" gap="xs">
        <Text size="sm" c="dimmed">
          {canEdit && !archived ? t('services.dragHint') : ''}
        </Text>
        <Switch
          label={t('services.showArchived')}
          checked={archived}
          onChange={(e) => setParams(e.currentTarget.checked ? { archived: 'true' } : {}, { replace: true })}
          data-testid="services-archived"
        />
      </Group>

      {error ? (
        <Stack>
          <ProblemAlert error={error} testId="services-error" />
          <Button
            variant="light"
            w="fit-content"
            onClick={() => {
              void categories.refetch();
              void services.refetch();
            }}
          >
            {t('app.retry')}
          </Button>
        </Stack>
      ) : loading ? (
        <Stack>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={140} radius="lg" />
          ))}
        </Stack>
      ) : sections.length === 0 ? (
        <Stack align="center" gap={4} py="xl" data-testid="services-empty">
          <IconScissors size={36} stroke={1.3} color="var(--mantine-color-gray-5)" />
          <Text fw={600}>{t('services.empty')}</Text>
          <Text size="sm" c="dimmed" ta="center">
            {canEdit ? t('services.emptyHint') : ''}
          </Text>
        </Stack>
      ) : (
        <SortableList ids={sectionIds} onReorder={(ids) => void reorderCategories(ids.map((id) => Number(id.slice(1))))}>
          <Stack gap="md">
            {sections.map((section) => (
              <CategorySection
                key={section.category?.id ?? 'none'}
                category={section.category}
                services={section.services}
                currency={currency}
                canEdit={canEdit}
                sortable={sortable}
                onEditCategory={setCategory}
                onNewService={(categoryId) => setEditing({ service: null, categoryId })}
                onOpenService={(service) => setEditing({ service, categoryId: service.category_id })}
                onReorderServices={(ids) => void reorderServices(ids)}
              />
            ))}
          </Stack>
        </SortableList>
      )}

      {canEdit && (
        <ServiceDrawer
          opened={editing !== null}
          service={editing?.service ?? null}
          categoryId={editing?.categoryId ?? null}
          categories={categories.data ?? []}
          rooms={rooms.data ?? []}
          staff={staff.data ?? []}
          currency={currency}
          onClose={() => setEditing(null)}
        />
      )}
      {category !== null && <CategoryModal category={category === 'new' ? null : category} onClose={() => setCategory(null)} />}
    </Stack>
  );
}
