import { Group, Select, Stack, Text, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clientKeys, getClient, listClients } from './api';
import { formatPhone } from './phoneList';
import type { Client } from './types';

interface Props extends Omit<SelectProps, 'value' | 'onChange' | 'data'> {
  value: number | null;
  onChange: (id: number | null, client: Client | null) => void;
  /** Ids never offered (the client itself). */
  exclude?: readonly number[];
}

/** Finds a client by name or phone as one types (server-side search). */
export function ClientPicker({ value, onChange, exclude = [], ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const results = useQuery<Client[]>({
    queryKey: clientKeys.search(q),
    queryFn: ({ signal }) => listClients({ q }, { limit: 10 }, signal).then((p) => p.items),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
  const [picked, setPicked] = useState<Client | null>(null);
  const selected = useQuery({
    queryKey: clientKeys.detail(value ?? 0),
    queryFn: ({ signal }) => getClient(value!, signal),
    enabled: value !== null && picked?.id !== value,
  });
  const current = value === null ? null : picked?.id === value ? picked : (selected.data ?? null);

  const found = (q ? (results.data ?? []) : []).filter((c) => !exclude.includes(c.id));
  const byId = new Map<number, Client>(found.map((c) => [c.id, c]));
  if (current) byId.set(current.id, current);
  const data = [...byId.values()].map((c) => ({ value: String(c.id), label: c.display_name }));

  return (
    <Select
      searchable
      clearable
      leftSection={<IconSearch size={16} />}
      placeholder={rest.readOnly ? undefined : t('clients.picker.placeholder')}
      nothingFoundMessage={q ? t('common.nothingFound') : t('clients.picker.typeToSearch')}
      data={data}
      value={value === null ? null : String(value)}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      onChange={(v) => {
        const c = v ? (byId.get(Number(v)) ?? null) : null;
        setPicked(c);
        onChange(v ? Number(v) : null, c);
      }}
      renderOption={({ option }) => {
        const c = byId.get(Number(option.value));
        const phone = c?.phones?.[0];
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {phone && (
              <Group gap={4}>
                <Text size="xs" c="dimmed">
                  {formatPhone(phone)}
                </Text>
              </Group>
            )}
          </Stack>
        );
      }}
      comboboxProps={{ withinPortal: true }}
      {...rest}
    />
  );
}
