import { Button, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { IconBraces } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';

interface Props {
  variables: string[];
  loading: boolean;
  error: unknown;
  onInsert: (name: string) => void;
}

/** The names the kind offers; a click puts {{name}} where the cursor was. */
export function VariablesList({ variables, loading, error, onInsert }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} data-testid="template-variables">
      <Group gap={6}>
        <IconBraces size={16} />
        <Text size="sm" fw={600}>
          {t('messaging.templates.variables')}
        </Text>
        {loading && <Loader size="xs" />}
      </Group>
      <Text size="xs" c="dimmed">
        {t('messaging.templates.variablesHint')}
      </Text>
      {error ? <ProblemAlert error={error} /> : null}
      <Group gap={6}>
        {variables.map((name) => {
          const about = t(`messaging.variables.${name}`, { defaultValue: '' });
          const button = (
            <Button
              key={name}
              size="compact-sm"
              variant="light"
              ff="monospace"
              fw={500}
              // Keep the cursor where it is in the text.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onInsert(name)}
              aria-label={about ? `{{${name}}} — ${about}` : `{{${name}}}`}
              data-testid={`template-variable-${name}`}
            >
              {`{{${name}}}`}
            </Button>
          );
          return about ? (
            <Tooltip key={name} label={about} withArrow openDelay={300}>
              {button}
            </Tooltip>
          ) : (
            button
          );
        })}
      </Group>
    </Stack>
  );
}
