import { ActionIcon, Box, Card, Group, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { categoryIcon } from './categoryIcons';
import { ServiceRow } from './ServiceRow';
import { DragHandle, SortableList, useSortableItem } from './Sortable';
import type { Category, Service } from './types';

interface Props {
  /** null: services without a category. */
  category: Category | null;
  services: Service[];
  currency: string;
  canEdit: boolean;
  /** Whether the section and its services can be dragged. */
  sortable: boolean;
  onEditCategory: (category: Category) => void;
  onNewService: (categoryId: number | null) => void;
  onOpenService: (service: Service) => void;
  onReorderServices: (ids: number[]) => void;
}

export function CategorySection({
  category,
  services,
  currency,
  canEdit,
  sortable,
  onEditCategory,
  onNewService,
  onOpenService,
  onReorderServices,
}: Props) {
  const { t } = useTranslation();
  const item = useSortableItem(`c${category?.id ?? 0}`, !sortable || !category);
  const Icon = categoryIcon(category?.icon);
  const color = category?.color ?? '#868e96';
  const live = services.filter((s) => !s.archived);
  const testId = category ? `category-${category.id}` : 'category-none';

  return (
    <Card
      ref={item.setNodeRef}
      p={0}
      style={{ ...item.style, borderLeft: `4px solid ${color}`, overflow: 'visible' }}
      shadow={item.dragging ? 'md' : undefined}
      data-testid={testId}
    >
      <Group justify="space-between" wrap="nowrap" px={{ base: 6, sm: 'sm' }} py={10} gap="xs">
        <Group gap={8} wrap="nowrap" miw={0}>
          {sortable && category && (
            <DragHandle handle={item.handle} label={t('services.dragCategory')} testId={`category-drag-${category.id}`} />
          )}
          <ThemeIcon size={34} radius="md" color={color} variant="light" style={{ flex: 'none' }}>
            <Icon size={20} stroke={1.6} />
          </ThemeIcon>
          <Box miw={0}>
            <Text fw={700} size="md" style={{ wordBreak: 'break-word' }} data-testid={`${testId}-name`}>
              {category ? category.name : t('services.uncategorized')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('services.servicesCount', { n: live.length })}
            </Text>
          </Box>
        </Group>
        {canEdit && (
          <Group gap={2} wrap="nowrap">
            <Tooltip label={t('services.addToCategory')}>
              <ActionIcon
                variant="subtle"
                onClick={() => onNewService(category?.id ?? null)}
                aria-label={t('services.addToCategory')}
                data-testid={`${testId}-add-service`}
              >
                <IconPlus size={18} />
              </ActionIcon>
            </Tooltip>
            {category && (
              <Tooltip label={t('services.category.edit')}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  onClick={() => onEditCategory(category)}
                  aria-label={t('services.category.edit')}
                  data-testid={`category-edit-${category.id}`}
                >
                  <IconPencil size={18} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        )}
      </Group>
      {services.length === 0 ? (
        <Text size="sm" c="dimmed" px="md" pb="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }} pt="sm">
          {t('services.emptyCategory')}
        </Text>
      ) : (
        <SortableList
          ids={services.map((s) => `s${s.id}`)}
          onReorder={(ids) => onReorderServices(ids.map((id) => Number(id.slice(1))))}
        >
          {services.map((s) => (
            <ServiceRow
              key={s.id}
              service={s}
              currency={currency}
              canEdit={canEdit}
              sortable={sortable && !s.archived}
              onOpen={onOpenService}
            />
          ))}
        </SortableList>
      )}
    </Card>
  );
}
