// Form pieces the messaging screens share: a labelled control, the channel picker, whole-number
// and time-of-day inputs, the discard/save buttons, a failed load with its retry button, and
// putting a {{variable}} where the caret is in a text being edited.
import { Button, Group, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { MantineSpacing, NumberInputProps, SegmentedControlProps, TextInputProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { ChannelIcon } from './ChannelIcon';
import { insertVariable } from './templates';
import { CHANNELS, type ChannelName } from './types';

/** A control with its label above (for controls without one of their own, like SegmentedControl). */
export function LabeledControl({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

type ChannelPickerProps = Omit<SegmentedControlProps, 'data' | 'value' | 'onChange'> & {
  value: ChannelName;
  onChange: (channel: ChannelName) => void;
  'data-testid'?: string;
};

/** Every channel, each with its icon and name, one chosen. */
export function ChannelPicker({ value, onChange, ...rest }: ChannelPickerProps) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      value={value}
      onChange={(v) => onChange(v as ChannelName)}
      data={CHANNELS.map((c) => ({
        value: c,
        label: (
          <Group gap={6} wrap="nowrap" justify="center">
            <ChannelIcon channel={c} size={16} />
            <span>{t(`messaging.channelNames.${c}`)}</span>
          </Group>
        ),
      }))}
      {...rest}
    />
  );
}

/** A number input for counts of minutes, hours, days or messages: whole and not negative. */
export function WholeNumberInput(props: NumberInputProps & { 'data-testid'?: string }) {
  return <NumberInput min={0} allowNegative={false} allowDecimal={false} {...props} />;
}

/** A time of day, "HH:MM". */
export function TimeOfDayInput(props: Omit<TextInputProps, 'type'> & { 'data-testid'?: string }) {
  return <TextInput type="time" w={150} {...props} />;
}

interface FormActionsProps {
  /** Whether "discard" shows (the form has changes to drop). */
  canDiscard: boolean;
  onDiscard: () => void;
  saving: boolean;
  saveDisabled: boolean;
  /** The save button's text; "Save" when not given. */
  saveLabel?: ReactNode;
  /** Test ids `${testId}-discard` and `${testId}-save`. */
  testId: string;
}

/** The discard and save buttons at the end of a form, on the right (save submits it). */
export function FormActions({ canDiscard, onDiscard, saving, saveDisabled, saveLabel, testId }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="xs">
      {canDiscard && (
        <Button variant="default" onClick={onDiscard} data-testid={`${testId}-discard`}>
          {t('staff.discard')}
        </Button>
      )}
      <Button type="submit" loading={saving} disabled={saveDisabled} data-testid={`${testId}-save`}>
        {saveLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}

/** What failed to load, and a button to try again. */
export function LoadFailed({ error, onRetry, testId, gap }: { error: unknown; onRetry: () => void; testId: string; gap?: MantineSpacing }) {
  const { t } = useTranslation();
  return (
    <Stack gap={gap} align="flex-start">
      <ProblemAlert error={error} testId={testId} />
      <Button variant="light" onClick={onRetry}>
        {t('app.retry')}
      </Button>
    </Stack>
  );
}

/**
 * Puts {{name}} at the caret of `el` (over its selection), whose value is `text`: hands the new
 * text to `apply`, then puts the caret after the variable. Without the element, at the end.
 */
export function insertAtCaret(
  el: HTMLInputElement | HTMLTextAreaElement | null,
  text: string,
  name: string,
  apply: (text: string) => void,
) {
  const start = el?.selectionStart ?? text.length;
  const end = el?.selectionEnd ?? start;
  const next = insertVariable(text, start, end, name);
  apply(next.text);
  requestAnimationFrame(() => {
    el?.focus();
    el?.setSelectionRange(next.caret, next.caret);
  });
}
