import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from './PageHeader';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.notFound.title')} />
      <Card p="xl">
        <Stack align="center" ta="center" gap="sm">
          <Title order={2} c="kvitka.4" fz={48}>
            404
          </Title>
          <Text c="dimmed">{t('pages.notFound.text')}</Text>
          <Button component={Link} to="/journal" variant="light">
            {t('pages.notFound.back')}
          </Button>
        </Stack>
      </Card>
    </>
  );
}
