import { Alert, List, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api';
import { problemText } from './problems';

interface Props {
  error: unknown;
  /** Field errors that have no input in the form, shown as a list. */
  extra?: string[];
  testId?: string;
}

export function ProblemAlert({ error, extra = [], testId }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  const { title, detail } = problemText(t, error);
  const requestId = isApiError(error) && error.status >= 500 ? error.requestId : undefined;
  // A lone headline reads better as the alert's text than as an empty titled box.
  const onlyTitle = !detail && extra.length === 0 && !requestId;
  return (
    <Alert
      color="red"
      variant="light"
      radius="md"
      icon={<IconAlertCircle size={18} />}
      title={onlyTitle ? undefined : title}
      data-testid={testId}
      role="alert"
    >
      {onlyTitle && (
        <Text size="sm" fw={500} c="red.8">
          {title}
        </Text>
      )}
      {detail && <Text size="sm">{detail}</Text>}
      {extra.length > 0 && (
        <List size="sm" mt={detail ? 'xs' : 0}>
          {extra.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      )}
      {requestId && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('errors.requestId', { id: requestId })}
        </Text>
      )}
    </Alert>
  );
}
