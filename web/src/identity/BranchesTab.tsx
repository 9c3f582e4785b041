import { Badge, Button, Card, Code, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { listBranches } from './api';

export function BranchesTab() {
  const { t } = useTranslation();
  const branches = useQuery({ queryKey: ['branches'], queryFn: ({ signal }) => listBranches(signal) });
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });

  if (branches.error) {
    return (
      <Stack>
        <ProblemAlert error={branches.error} testId="branches-error" />
        <Button variant="light" onClick={() => void branches.refetch()} w="fit-content">
          {t('app.retry')}
        </Button>
      </Stack>
    );
  }

  const items = branches.data ?? [];
  if (isPhone) {
    return (
      <Stack gap="sm" data-testid="branches-table">
        <Text c="dimmed" size="sm">
          {t('branches.intro')}
        </Text>
        {branches.isPending && [0, 1].map((i) => <Skeleton key={i} h={88} radius="lg" />)}
        {items.map((b) => (
          <Card key={b.id} p="md" data-testid={`branch-row-${b.id}`}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2} miw={0}>
                <Text size="sm" fw={600}>
                  {b.name}
                </Text>
                <Code fz="xs" w="fit-content">
                  {b.slug}
                </Code>
              </Stack>
              <Badge variant="light" color="gray">
                {b.currency}
              </Badge>
            </Group>
            <Text size="sm" mt="xs" c={b.address ? undefined : 'dimmed'}>
              {b.address || t('branches.noAddress')}
            </Text>
            <Text size="xs" c="dimmed">
              {b.timezone}
            </Text>
          </Card>
        ))}
        {!branches.isPending && items.length === 0 && (
          <Text c="dimmed" ta="center" py="md">
            {t('branches.empty')}
          </Text>
        )}
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Text c="dimmed" size="sm">
        {t('branches.intro')}
      </Text>
      <Card p={0} withBorder>
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="branches-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('branches.columns.name')}</Table.Th>
                <Table.Th>{t('branches.columns.address')}</Table.Th>
                <Table.Th>{t('branches.columns.timezone')}</Table.Th>
                <Table.Th>{t('branches.columns.currency')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {branches.isPending &&
                [0, 1].map((i) => (
                  <Table.Tr key={i}>
                    {[0, 1, 2, 3].map((j) => (
                      <Table.Td key={j}>
                        <Skeleton h={14} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              {items.map((b) => (
                <Table.Tr key={b.id} data-testid={`branch-row-${b.id}`}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {b.name}
                    </Text>
                    <Code fz="xs">{b.slug}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={b.address ? undefined : 'dimmed'}>
                      {b.address || t('branches.noAddress')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{b.timezone}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="gray">
                      {b.currency}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
              {!branches.isPending && items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text c="dimmed" ta="center" py="md">
                      {t('branches.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  );
}
