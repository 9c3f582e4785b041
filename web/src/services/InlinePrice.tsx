import { Text, TextInput, Tooltip, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../app/problems';
import { catalogKeys, updateService } from './api';
import { formatPrice, parsePriceRange, priceEditText } from './price';
import type { Service } from './types';

interface Props {
  service: Service;
  currency: string;
  canEdit: boolean;
}

/** A service's price; a click turns it into an input where Enter saves and Escape cancels. */
export function InlinePrice({ service, currency, canEdit }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const shown = formatPrice(t, service.price_min, service.price_max, currency, i18n.language);

  const save = useMutation({
    mutationFn: (price: { price_min: number; price_max: number | null }) => updateService(service.id, price),
    onSuccess: (saved) => {
      queryClient.setQueriesData<Service[]>({ queryKey: catalogKeys.allServices }, (old) =>
        old?.map((s) => (s.id === saved.id ? { ...s, ...saved } : s)),
      );
      void queryClient.invalidateQueries({ queryKey: catalogKeys.allServices });
      setText(null);
      notifications.show({
        color: 'teal',
        message: t('services.priceSaved', {
          name: saved.name,
          price: formatPrice(t, saved.price_min, saved.price_max, currency, i18n.language),
        }),
      });
    },
    onError: (error) => {
      const { title, detail } = problemText(t, error);
      notifications.show({ color: 'red', title, message: detail ?? '' });
    },
  });

  if (text === null) {
    const label = (
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }} component="span">
        {shown}
      </Text>
    );
    if (!canEdit) return <span data-testid={`service-price-${service.id}`}>{label}</span>;
    return (
      <Tooltip label={t('services.priceEditHint')} openDelay={500}>
        <UnstyledButton
          onClick={(e) => {
            e.stopPropagation();
            setInvalid(false);
            setText(priceEditText(service.price_min, service.price_max, currency));
          }}
          data-testid={`service-price-${service.id}`}
          aria-label={t('services.priceEdit', { name: service.name })}
          px={6}
          py={2}
          style={{ borderRadius: 6, borderBottom: '1px dashed var(--mantine-color-gray-5)' }}
        >
          {label}
        </UnstyledButton>
      </Tooltip>
    );
  }

  const commit = () => {
    const price = parsePriceRange(text, currency);
    if (!price) {
      setInvalid(true);
      return;
    }
    if (price.min === service.price_min && price.max === (service.price_max ?? null)) {
      setText(null);
      return;
    }
    save.mutate({ price_min: price.min, price_max: price.max });
  };

  return (
    <TextInput
      size="xs"
      w={130}
      autoFocus
      value={text}
      inputMode="decimal"
      onFocus={(e) => e.currentTarget.select()}
      onClick={(e) => e.stopPropagation()}
      onChange={(e) => {
        setText(e.currentTarget.value);
        setInvalid(false);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          setText(null);
        }
      }}
      onBlur={() => {
        if (!save.isPending) setText(null);
      }}
      disabled={save.isPending}
      error={invalid ? t('services.priceInvalid') : undefined}
      aria-label={t('services.priceEdit', { name: service.name })}
      data-testid={`service-price-input-${service.id}`}
    />
  );
}
