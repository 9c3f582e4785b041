import { Badge, Box, Group, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconUsers, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from './duration';
import { InlinePrice } from './InlinePrice';
import { DragHandle, useSortableItem } from './Sortable';
import type { Service } from './types';

interface Props {
  service: Service;
  currency: string;
  canEdit: boolean;
  sortable: boolean;
  onOpen: (service: Service) => void;
}

export function ServiceRow({ service, currency, canEdit, sortable, onOpen }: Props) {
  const { t } = useTranslation();
  const item = useSortableItem(`s${service.id}`, !sortable);
  const masters = service.staff?.length ?? 0;
  return (
    <Box
      ref={item.setNodeRef}
      style={{
        ...item.style,
        borderTop: '1px solid var(--mantine-color-gray-2)',
        background: item.dragging ? 'var(--mantine-color-kvitka-0)' : undefined,
      }}
      px={{ base: 6, sm: 'sm' }}
      py={8}
      data-testid={`service-row-${service.id}`}
    >
      <Group gap={6} wrap="nowrap" align="center">
        {sortable && <DragHandle handle={item.handle} label={t('services.dragService')} testId={`service-drag-${service.id}`} />}
        <UnstyledButton
          onClick={() => onOpen(service)}
          style={{ flex: 1, minWidth: 0 }}
          data-testid={`service-open-${service.id}`}
          disabled={!canEdit}
        >
          <Stack gap={2} miw={0}>
            <Group gap={6} wrap="wrap">
              <Text size="sm" fw={600} c={service.archived ? 'dimmed' : undefined} style={{ wordBreak: 'break-word' }}>
                {service.name}
              </Text>
              {service.online_booking && !service.archived && (
                <Tooltip label={t('services.onlineHint')}>
                  <Badge size="xs" variant="light" color="teal" leftSection={<IconWorld size={10} />} data-testid={`service-online-${service.id}`}>
                    {t('services.online')}
                  </Badge>
                </Tooltip>
              )}
              {service.group && (
                <Badge size="xs" variant="light" color="grape" data-testid={`service-group-${service.id}`}>
                  {t('services.groupBadge', { n: service.capacity })}
                </Badge>
              )}
              {service.archived && (
                <Badge size="xs" variant="light" color="gray">
                  {t('services.archivedBadge')}
                </Badge>
              )}
            </Group>
            <Group gap={10} wrap="wrap">
              <Text size="xs" c="dimmed" data-testid={`service-duration-${service.id}`}>
                {formatDuration(t, service.duration)}
              </Text>
              <Group gap={3} wrap="nowrap">
                <IconUsers size={12} color="var(--mantine-color-dimmed)" />
                <Text size="xs" c="dimmed" data-testid={`service-masters-${service.id}`}>
                  {t('services.mastersCount', { n: masters })}
                </Text>
              </Group>
            </Group>
          </Stack>
        </UnstyledButton>
        <InlinePrice service={service} currency={currency} canEdit={canEdit && !service.archived} />
      </Group>
    </Box>
  );
}
