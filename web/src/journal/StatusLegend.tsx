import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './Journal.module.css';
import { statusLook } from './status';
import { STATUSES } from './types';

/** What the block colours mean. */
export function StatusLegend() {
  const { t } = useTranslation();
  return (
    <Group gap="md" mb="xs" data-testid="journal-legend" wrap="wrap">
      {STATUSES.map((s) => {
        const look = statusLook(s);
        return (
          <Group key={s} gap={6} wrap="nowrap" data-status={s}>
            <Box
              w={14}
              h={14}
              style={{ background: look.background, borderLeft: `3px solid ${look.border}`, borderRadius: 3 }}
              aria-hidden
            />
            <Text size="xs" c="dimmed">
              {t(`journal.status.${s}`)}
            </Text>
          </Group>
        );
      })}
      <Group gap={6} wrap="nowrap">
        <Box w={14} h={14} className={classes.processing} style={{ borderRadius: 3 }} aria-hidden />
        <Text size="xs" c="dimmed">
          {t('journal.processing')}
        </Text>
      </Group>
    </Group>
  );
}
