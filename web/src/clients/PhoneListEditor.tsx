import { ActionIcon, Button, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconStar, IconStarFilled, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { addPhone, makePrimary, removePhone, setPhone } from './phoneList';

interface Props {
  value: string[];
  onChange: (phones: string[]) => void;
  /** Error text per input index. */
  errors?: Record<number, string | undefined>;
  disabled?: boolean;
}

/** Phones of a client: the first is primary; add, remove, move to the top. */
export function PhoneListEditor({ value, onChange, errors = {}, disabled }: Props) {
  const { t } = useTranslation();
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const focusIndex = useRef<number | null>(null);

  useEffect(() => {
    if (focusIndex.current !== null) {
      inputs.current[focusIndex.current]?.focus();
      focusIndex.current = null;
    }
  }, [value.length]);

  return (
    <Stack gap={6}>
      <Text size="sm" fw={500} component="label" htmlFor="client-phone-0">
        {value.length > 1 ? t('clients.fields.phones') : t('clients.fields.phone')}
      </Text>
      {value.map((phone, i) => (
        <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            id={`client-phone-${i}`}
            ref={(el) => {
              inputs.current[i] = el;
            }}
            flex={1}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            placeholder={disabled ? undefined : '+380 67 123 45 67'}
            value={phone}
            readOnly={disabled}
            onChange={(e) => onChange(setPhone(value, i, e.currentTarget.value))}
            error={errors[i]}
            aria-label={i === 0 ? t('clients.phones.primary') : t('clients.phones.extra', { n: i + 1 })}
            data-testid={`client-form-phone-${i}`}
          />
          {value.length > 1 && i === 0 && (
            <Tooltip label={t('clients.phones.primary')}>
              <ActionIcon
                component="span"
                variant="transparent"
                size="lg"
                mt={2}
                aria-label={t('clients.phones.primary')}
                data-testid="client-form-phone-primary-mark"
              >
                <IconStarFilled size={18} />
              </ActionIcon>
            </Tooltip>
          )}
          {!disabled && i > 0 && (
            <Tooltip label={t('clients.phones.makePrimary')}>
              <ActionIcon
                variant="subtle"
                size="lg"
                mt={2}
                onClick={() => onChange(makePrimary(value, i))}
                aria-label={t('clients.phones.makePrimary')}
                data-testid={`client-form-phone-primary-${i}`}
              >
                <IconStar size={18} />
              </ActionIcon>
            </Tooltip>
          )}
          {!disabled && (value.length > 1 || phone !== '') && (
            <Tooltip label={t('clients.phones.remove')}>
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mt={2}
                onClick={() => {
                  focusIndex.current = Math.max(0, Math.min(i, value.length - 2));
                  onChange(removePhone(value, i));
                }}
                aria-label={t('clients.phones.remove')}
                data-testid={`client-form-phone-remove-${i}`}
              >
                <IconTrash size={18} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      ))}
      {!disabled && (
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} />}
          w="fit-content"
          onClick={() => {
            focusIndex.current = value.length;
            onChange(addPhone(value));
          }}
          data-testid="client-form-add-phone"
        >
          {t('clients.phones.add')}
        </Button>
      )}
    </Stack>
  );
}
