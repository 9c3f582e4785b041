import { Anchor, Box, Container, Group, Paper, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';

interface Props {
  title: string;
  children: ReactNode;
  width?: number;
}

/** Frame of the pages seen before signing in: brand, language switch, a card. */
export function AuthLayout({ title, children, width = 440 }: Props) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} · ${t('app.name')}`);
  return (
    <Box
      mih="100vh"
      style={{
        background:
          'radial-gradient(circle at 10% 0%, var(--mantine-color-kvitka-1) 0, transparent 45%),' +
          'radial-gradient(circle at 90% 100%, var(--mantine-color-grape-1) 0, transparent 45%),' +
          'var(--mantine-color-gray-0)',
      }}
    >
      <Container size="lg" py="md" px={{ base: 'sm', sm: 'md' }}>
        <Group justify="space-between" wrap="nowrap">
          <Anchor href="/" underline="never" c="inherit" aria-label={t('app.name')}>
            <Brand />
          </Anchor>
          <LanguageSwitch />
        </Group>
      </Container>
      <Container size={width} px={{ base: 'sm', sm: 'md' }} pt={{ base: 'md', sm: 40 }} pb="xl">
        <Paper shadow="md" p={{ base: 'lg', sm: 32 }} withBorder>
          {children}
        </Paper>
        <Stack align="center" mt="lg">
          <Text size="xs" c="dimmed">
            {t('app.tagline')}
          </Text>
        </Stack>
      </Container>
    </Box>
  );
}
