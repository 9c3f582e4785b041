import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { theme } from '../app/theme';
import i18n from '../i18n';
import { PhoneListEditor } from './PhoneListEditor';

let last: string[] = [];

function Harness({ initial, errors }: { initial: string[]; errors?: Record<number, string> }) {
  const [phones, setPhones] = useState(initial);
  last = phones;
  return (
    <MantineProvider theme={theme}>
      <PhoneListEditor value={phones} onChange={setPhones} errors={errors} />
    </MantineProvider>
  );
}

const input = (i: number) => screen.getByTestId(`client-form-phone-${i}`) as HTMLInputElement;

beforeEach(async () => {
  await i18n.changeLanguage('en');
});

describe('PhoneListEditor', () => {
  it('adds an input, focuses it and keeps the first as primary', () => {
    render(<Harness initial={['+380671234567']} />);
    expect(screen.queryByTestId('client-form-phone-primary-mark')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('client-form-add-phone'));
    expect(input(1)).toHaveValue('');
    expect(document.activeElement).toBe(input(1));
    fireEvent.change(input(1), { target: { value: '050 111 22 33' } });
    expect(last).toEqual(['+380671234567', '050 111 22 33']);
    expect(screen.getByTestId('client-form-phone-primary-mark')).toHaveAttribute('aria-label', 'Primary phone');
    // Only the extra phones can be made primary.
    expect(screen.queryByTestId('client-form-phone-primary-0')).not.toBeInTheDocument();
  });

  it('moves a phone to the top and removes one', () => {
    render(<Harness initial={['067', '050', '093']} />);
    fireEvent.click(screen.getByTestId('client-form-phone-primary-2'));
    expect(last).toEqual(['093', '067', '050']);
    expect(input(0)).toHaveValue('093');
    fireEvent.click(screen.getByTestId('client-form-phone-remove-1'));
    expect(last).toEqual(['093', '050']);
    expect(screen.queryByTestId('client-form-phone-2')).not.toBeInTheDocument();
  });

  it('removing the only phone leaves an empty input', () => {
    render(<Harness initial={['067']} />);
    fireEvent.click(screen.getByTestId('client-form-phone-remove-0'));
    expect(last).toEqual(['']);
    expect(input(0)).toHaveValue('');
    // An empty single input has nothing to remove.
    expect(screen.queryByTestId('client-form-phone-remove-0')).not.toBeInTheDocument();
  });

  it('shows an error next to the phone it belongs to', () => {
    render(<Harness initial={['067', '12']} errors={{ 1: 'Enter a valid phone number' }} />);
    expect(input(1)).toHaveAttribute('aria-invalid', 'true');
    expect(input(0)).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Enter a valid phone number')).toBeInTheDocument();
  });
});
