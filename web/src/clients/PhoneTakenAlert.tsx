import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import { IconGitMerge, IconPhoneX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ExistingClient } from './http';

interface Props {
  existing: ExistingClient;
  /** Offered on a saved client's card: merge the other client into this one. */
  onMerge?: () => void;
  onOpen?: () => void;
}

/** 409 phone-taken: the phone belongs to another client. */
export function PhoneTakenAlert({ existing, onMerge, onOpen }: Props) {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      variant="light"
      radius="md"
      icon={<IconPhoneX size={18} />}
      title={t('clients.phoneTaken.title')}
      role="alert"
      data-testid="phone-taken-alert"
    >
      <Text size="sm">
        {t('clients.phoneTaken.text')}{' '}
        <Anchor component={Link} to={`/clients/${existing.id}`} onClick={onOpen} data-testid="phone-taken-link">
          {existing.display_name}
        </Anchor>
      </Text>
      {onMerge && (
        <Group mt="xs">
          <Button
            size="xs"
            variant="light"
            color="orange"
            leftSection={<IconGitMerge size={14} />}
            onClick={onMerge}
            data-testid="phone-taken-merge"
          >
            {t('clients.phoneTaken.merge')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
