import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconFlower } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Logo: flower mark, "Kvitka", and the salon's name under it when known. */
export function Brand({ orgName }: { orgName?: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={10} wrap="nowrap" miw={0}>
      <ThemeIcon
        size={36}
        radius="xl"
        variant="gradient"
        gradient={{ from: 'kvitka.5', to: 'grape.6', deg: 135 }}
        aria-hidden
      >
        <IconFlower size={22} stroke={1.8} />
      </ThemeIcon>
      <Stack gap={0} miw={0}>
        <Text
          fw={800}
          fz={20}
          lh={1.1}
          variant="gradient"
          gradient={{ from: 'kvitka.7', to: 'grape.7', deg: 90 }}
          data-testid="logo"
        >
          {t('app.name')}
        </Text>
        {orgName && (
          <Text size="xs" c="dimmed" truncate="end" maw={{ base: 120, xs: 200, sm: 280 }} data-testid="org-name">
            {orgName}
          </Text>
        )}
      </Stack>
    </Group>
  );
}
