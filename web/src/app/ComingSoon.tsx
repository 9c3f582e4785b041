import { Badge, Card, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, type TablerIcon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface Props {
  icon: TablerIcon;
  title: string;
  text: string;
  features?: string[];
  testId?: string;
}

/** Friendly empty state for a module that is not built yet. */
export function ComingSoon({ icon: PageIcon, title, text, features = [], testId }: Props) {
  const { t } = useTranslation();
  return (
    <Card p={{ base: 'lg', sm: 'xl' }} data-testid={testId ?? 'coming-soon'} shadow="xs">
      <Stack align="center" gap="md" py={{ base: 'md', sm: 'xl' }} maw={560} mx="auto" ta="center">
        <ThemeIcon
          size={72}
          radius={36}
          variant="gradient"
          gradient={{ from: 'kvitka.1', to: 'grape.1', deg: 135 }}
          c="kvitka.7"
        >
          <PageIcon size={36} stroke={1.5} />
        </ThemeIcon>
        <Badge variant="light" size="lg" radius="xl">
          {t('pages.comingSoon')}
        </Badge>
        <Title order={2} fz={{ base: 20, sm: 24 }}>
          {title}
        </Title>
        <Text c="dimmed">{text}</Text>
        {features.length > 0 && (
          <List
            spacing={6}
            size="sm"
            ta="left"
            icon={
              <ThemeIcon size={20} radius="xl" variant="light">
                <IconCheck size={14} />
              </ThemeIcon>
            }
          >
            {features.map((f) => (
              <List.Item key={f}>{f}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  );
}
