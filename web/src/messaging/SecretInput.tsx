import { Button, Group, PasswordInput, Text, Textarea } from '@mantine/core';
import { IconArrowBackUp, IconLock, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  description?: string;
  /** A value is stored on the server. */
  saved: boolean;
  /** What the stored value is called where that is not secret (header names). */
  savedNames?: string[];
  value: string;
  cleared: boolean;
  multiline?: boolean;
  placeholder?: string;
  error?: string;
  disabled?: boolean;
  onChange: (value: string) => void;
  onClearChange: (cleared: boolean) => void;
  testId: string;
}

/**
 * A write-only field: the stored value is never shown. Empty and untouched, the stored value
 * stays; typing replaces it; "Clear" removes it on save.
 */
export function SecretInput(props: Props) {
  const { t } = useTranslation();
  const { saved, cleared, value, testId } = props;
  const names = props.savedNames?.length ? ` (${props.savedNames.join(', ')})` : '';
  const placeholder = cleared
    ? t('messaging.channels.secretCleared')
    : saved
      ? t('messaging.channels.secretSaved') + names
      : props.placeholder;
  const common = {
    label: props.label,
    description: props.description,
    value,
    placeholder,
    error: props.error,
    disabled: props.disabled || cleared,
    autoComplete: 'new-password',
    spellCheck: false,
    'data-testid': testId,
    'data-saved': saved && !cleared ? 'true' : 'false',
  };
  return (
    <div>
      {props.multiline ? (
        <Textarea
          {...common}
          autosize
          minRows={2}
          maxRows={6}
          ff="monospace"
          onChange={(e) => props.onChange(e.currentTarget.value)}
        />
      ) : (
        <PasswordInput {...common} onChange={(e) => props.onChange(e.currentTarget.value)} />
      )}
      {saved && !props.disabled && (
        <Group gap={6} mt={4} wrap="nowrap">
          <IconLock size={12} color="var(--mantine-color-dimmed)" />
          <Text size="xs" c="dimmed" style={{ flex: 1 }}>
            {cleared ? t('messaging.channels.secretWillClear') : t('messaging.channels.secretKept')}
          </Text>
          {cleared ? (
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconArrowBackUp size={12} />}
              onClick={() => props.onClearChange(false)}
              data-testid={`${testId}-undo`}
            >
              {t('messaging.channels.undoClear')}
            </Button>
          ) : (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={12} />}
              onClick={() => {
                props.onChange('');
                props.onClearChange(true);
              }}
              data-testid={`${testId}-clear`}
            >
              {t('messaging.channels.clearSecret')}
            </Button>
          )}
        </Group>
      )}
    </div>
  );
}
