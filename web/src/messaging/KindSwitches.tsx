import { SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { RulesValues } from './rules';
import { KIND_GROUPS, type KindGroup } from './types';

/** Which kinds of messages the salon sends at all, by group. */
export function KindSwitches({ form }: { form: UseFormReturnType<RulesValues> }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="rules-kinds">
      {(Object.keys(KIND_GROUPS) as KindGroup[]).map((group) => (
        <Stack key={group} gap={6}>
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">
            {t(`messaging.kindGroups.${group}`)}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs">
            {KIND_GROUPS[group].map((kind) => (
              <Switch
                key={kind}
                label={t(`messaging.kinds.${kind}`)}
                description={t(`messaging.kindHints.${kind}`)}
                checked={form.values.kinds[kind]}
                onChange={(e) => form.setFieldValue(`kinds.${kind}`, e.currentTarget.checked)}
                error={form.errors[`kinds.${kind}`]}
                data-testid={`rules-kind-${kind}`}
              />
            ))}
          </SimpleGrid>
        </Stack>
      ))}
    </Stack>
  );
}
