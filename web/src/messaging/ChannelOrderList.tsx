import { ActionIcon, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ChannelIcon } from './ChannelIcon';
import type { ChannelName } from './types';

interface Props {
  value: ChannelName[];
  onChange: (order: ChannelName[]) => void;
  disabled?: boolean;
  testId: string;
}

/** Moves the item at `index` by `delta` places. */
export function moved<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (to < 0 || to >= list.length) return [...list];
  const out = [...list];
  [out[index], out[to]] = [out[to], out[index]];
  return out;
}

/** Channels in the order they are tried, first to last, reordered with up and down buttons. */
export function ChannelOrderList({ value, onChange, disabled, testId }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} role="list" data-testid={testId}>
      {value.map((channel, i) => {
        const name = t(`messaging.channelNames.${channel}`);
        return (
          <Paper key={channel} withBorder radius="md" px="sm" py={6} role="listitem" data-testid={`${testId}-${channel}`}>
            <Group justify="space-between" wrap="nowrap">
              <Group gap="sm" wrap="nowrap">
                <Text size="sm" c="dimmed" w={18} ta="right">
                  {i + 1}.
                </Text>
                <ChannelIcon channel={channel} />
                <Text size="sm" fw={500}>
                  {name}
                </Text>
              </Group>
              <Group gap={4} wrap="nowrap">
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  disabled={disabled || i === 0}
                  onClick={() => onChange(moved(value, i, -1))}
                  aria-label={t('messaging.order.up', { name })}
                  data-testid={`${testId}-${channel}-up`}
                >
                  <IconArrowUp size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  disabled={disabled || i === value.length - 1}
                  onClick={() => onChange(moved(value, i, 1))}
                  aria-label={t('messaging.order.down', { name })}
                  data-testid={`${testId}-${channel}-down`}
                >
                  <IconArrowDown size={16} />
                </ActionIcon>
              </Group>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
