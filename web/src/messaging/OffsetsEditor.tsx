import { ActionIcon, Button, Group, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { WholeNumberInput } from './FormParts';
import { MAX_OFFSETS, type RulesValues } from './rules';

/** The two inputs of an offset: its hours (up to 30 days) and its minutes. */
const PARTS = [
  { part: 'hours', max: 720 },
  { part: 'minutes', max: 59 },
] as const;

/** When reminders go out: a list of "hours and minutes before the visit". */
export function OffsetsEditor({ form }: { form: UseFormReturnType<RulesValues> }) {
  const { t } = useTranslation();
  const offsets = form.values.offsets;
  return (
    <Stack gap="xs" data-testid="rules-offsets">
      <Text size="sm" fw={500}>
        {t('messaging.rules.offsets')}
      </Text>
      {offsets.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="rules-offsets-none">
          {t('messaging.rules.noOffsets')}
        </Text>
      )}
      {offsets.map((_, i) => {
        const error = form.errors[`offsets.${i}`];
        return (
          <Stack key={i} gap={2}>
            <Group gap="xs" wrap="nowrap" align="center">
              {PARTS.map(({ part, max }) => (
                <WholeNumberInput
                  key={part}
                  aria-label={t(`messaging.rules.${part}`)}
                  rightSection={<Text size="xs" c="dimmed">{t(`messaging.rules.${part}Short`)}</Text>}
                  rightSectionWidth={36}
                  max={max}
                  hideControls
                  w={110}
                  error={!!error}
                  data-testid={`rules-offset-${i}-${part}`}
                  {...form.getInputProps(`offsets.${i}.${part}`)}
                />
              ))}
              <Text size="sm" c="dimmed" style={{ flex: 1 }}>
                {t('messaging.rules.beforeVisit')}
              </Text>
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={() => form.removeListItem('offsets', i)}
                aria-label={t('messaging.rules.removeOffset')}
                data-testid={`rules-offset-${i}-remove`}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
            {error && (
              <Text size="xs" c="red" data-testid={`rules-offset-${i}-error`}>
                {error}
              </Text>
            )}
          </Stack>
        );
      })}
      {offsets.length < MAX_OFFSETS && (
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          leftSection={<IconPlus size={14} />}
          onClick={() => form.insertListItem('offsets', { hours: 1, minutes: 0 })}
          data-testid="rules-offset-add"
        >
          {t('messaging.rules.addOffset')}
        </Button>
      )}
    </Stack>
  );
}
