import { Button, Center, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './ProblemAlert';

export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100vh" aria-busy="true" aria-label={t('app.loading')}>
      <Loader />
    </Center>
  );
}

export function FullPageError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Center h="100vh" p="md">
      <Stack maw={420} w="100%">
        <ProblemAlert error={error} testId="load-error" />
        <Button onClick={onRetry} variant="light">
          {t('app.retry')}
        </Button>
      </Stack>
    </Center>
  );
}
