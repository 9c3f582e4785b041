import { TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currencyDigits, currencySymbol, minorToDecimal, parseMoney } from './money';

interface Props extends Omit<TextInputProps, 'value' | 'onChange'> {
  /** Minor units. */
  value: number | undefined;
  onChange: (minor: number | undefined) => void;
  currency: string;
}

/** An amount typed in main units ("1234,50") and kept in minor units. */
export function MoneyInput({ value, onChange, currency, error, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const digits = currencyDigits(currency);
  const shown = value === undefined ? '' : minorToDecimal(value, digits);
  const [text, setText] = useState(shown);
  const [invalid, setInvalid] = useState(false);

  // Follow outside changes (reset, segment applied) unless it is our own value.
  useEffect(() => {
    setText((current) => (parseMoney(current, digits) === (value ?? null) && current !== '' ? current : shown));
    if (value !== undefined) setInvalid(false);
  }, [value, shown, digits]);

  const commit = (raw: string) => {
    if (raw.trim() === '') {
      setInvalid(false);
      onChange(undefined);
      return;
    }
    const minor = parseMoney(raw, digits);
    if (minor === null || minor < 0) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onChange(minor);
  };

  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        commit(e.currentTarget.value);
      }}
      onBlur={() => {
        if (!invalid && value !== undefined) setText(minorToDecimal(value, digits));
      }}
      rightSection={currencySymbol(currency, i18n.language)}
      error={invalid ? t('clients.money.invalid') : error}
      {...rest}
    />
  );
}
