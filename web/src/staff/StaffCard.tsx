import { ActionIcon, Anchor, Badge, Card, ColorSwatch, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconClock, IconPencil, IconScissors, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { shortDate } from './dates';
import { StaffAvatar } from './StaffPhoto';
import type { Staff } from './types';

interface Props {
  staff: Staff;
  canEdit: boolean;
  onEdit: (staff: Staff) => void;
}

export function StaffCard({ staff, canEdit, onEdit }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card
      p="md"
      data-testid={`staff-card-${staff.id}`}
      onClick={() => navigate(`/staff/${staff.id}`)}
      style={{ cursor: 'pointer', borderTop: `4px solid ${staff.color}` }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Group gap="sm" wrap="nowrap" miw={0}>
          <StaffAvatar staff={staff} size={48} />
          <Stack gap={2} miw={0}>
            <Group gap={6} wrap="nowrap">
              <ColorSwatch color={staff.color} size={10} withShadow={false} />
              <Anchor
                component={Link}
                to={`/staff/${staff.id}`}
                fw={700}
                c="inherit"
                lineClamp={2}
                onClick={(e) => e.stopPropagation()}
                data-testid={`staff-card-${staff.id}-name`}
              >
                {staff.name}
              </Anchor>
            </Group>
            <Text size="sm" c="dimmed" truncate="end">
              {staff.position || t('staff.noPosition')}
            </Text>
          </Stack>
        </Group>
        {canEdit && (
          <Tooltip label={t('staff.edit')}>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('staff.edit')}
              onClick={(e) => {
                e.stopPropagation();
                onEdit(staff);
              }}
              data-testid={`staff-edit-${staff.id}`}
            >
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      <Group gap={6} mt="sm" wrap="wrap">
        <Badge variant="light" color="gray" leftSection={<IconScissors size={11} />} tt="none">
          {t('staff.servicesCount', { n: staff.service_ids?.length ?? 0 })}
        </Badge>
        <Badge variant="light" color="blue" leftSection={<IconClock size={11} />} tt="none" data-testid={`staff-card-${staff.id}-step`}>
          {t('staff.stepBadge', { n: staff.booking_step })}
        </Badge>
        {staff.online_booking && (
          <Badge variant="light" color="teal" leftSection={<IconWorld size={11} />} tt="none">
            {t('staff.online')}
          </Badge>
        )}
        {staff.work_permit_warning && (
          <Tooltip
            label={
              staff.work_permit_expires
                ? t('staff.permitExpires', { date: shortDate(staff.work_permit_expires, i18n.language, true) })
                : t('staff.permitWarning')
            }
          >
            <Badge
              variant="filled"
              color="orange"
              leftSection={<IconAlertTriangle size={11} />}
              tt="none"
              data-testid={`staff-card-${staff.id}-permit`}
            >
              {t('staff.permitWarning')}
            </Badge>
          </Tooltip>
        )}
        {staff.archived && (
          <Badge variant="light" color="gray" tt="none">
            {t('staff.archivedBadge')}
          </Badge>
        )}
      </Group>
    </Card>
  );
}
