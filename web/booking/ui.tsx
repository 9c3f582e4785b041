/** @jsxImportSource preact */
// Small shared pieces: the error box, step headings, fields, avatars.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { NETWORK, type Problem } from './api';
import { type Key, type T, useI18n } from './i18n';

/** The message of a field error code, in the page language. */
export function fieldMessage(t: T, code: string): string {
  const k = `e_${code}` as Key;
  const s = t(k);
  return s === k ? t('e_invalid') : s;
}

/** The server's problem (title and detail, localized by the server), or our own text. */
export function ErrorBox({ problem, extra, testid = 'bp-error' }: { problem: Problem | null; extra?: string; testid?: string }) {
  const { t } = useI18n();
  if (!problem) return null;
  const network = problem.code === NETWORK;
  return (
    <div class="bp-error" role="alert" data-testid={testid}>
      <strong>{network ? t('network') : problem.title}</strong>
      {!network && problem.detail && <span> {problem.detail}</span>}
      {extra && <span> {extra}</span>}
      {problem.retryAfter !== undefined && <span> {t('retryAfter', { n: problem.retryAfter })}</span>}
    </div>
  );
}

/** A step's heading: takes the focus when the step opens (not on the first screen). */
export function StepHeading({ children, focus = true }: { children: ComponentChildren; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <h2 class="bp-h2" tabIndex={-1} ref={ref}>
      {children}
    </h2>
  );
}

export function BackButton({ onClick }: { onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" class="bp-back" onClick={onClick} data-testid="bp-back">
      <span aria-hidden="true">←</span> {t('back')}
    </button>
  );
}

interface FieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (v: string) => void;
  error?: string;
  type?: string;
  autoComplete?: string;
  inputMode?: 'text' | 'tel' | 'email';
  required?: boolean;
  multiline?: boolean;
  maxLength?: number;
}

export function Field({ id, label, value, onInput, error, type = 'text', autoComplete, inputMode, required, multiline, maxLength }: FieldProps) {
  const errId = `${id}-err`;
  const common = {
    id,
    name: id.replace(/^bp-/, ''),
    value,
    'data-testid': id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errId : undefined,
    'aria-required': required ? true : undefined,
    maxLength,
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class={`bp-field${error ? ' bp-field-bad' : ''}`}>
      <label for={id}>{label}</label>
      {multiline ? <textarea rows={3} {...common} /> : <input type={type} autoComplete={autoComplete} inputMode={inputMode} {...common} />}
      {error && (
        <p class="bp-field-err" id={errId}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The visually hidden trap field: people never see or fill it, form-filling bots do. */
export function Honeypot({ value, onInput }: { value: string; onInput: (v: string) => void }) {
  const { t } = useI18n();
  return (
    <div class="bp-hp" aria-hidden="true">
      <label>
        {t('honeypot')}
        <input
          type="text"
          name="website"
          tabIndex={-1}
          autoComplete="off"
          value={value}
          onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
        />
      </label>
    </div>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

export function Avatar({ name, photo, color, size = 48 }: { name: string; photo?: string | null; color?: string; size?: number }) {
  const style = { width: `${size}px`, height: `${size}px` };
  if (photo) return <img class="bp-avatar" src={photo} alt="" width={size} height={size} loading="lazy" style={style} />;
  const bg = color && /^#[0-9a-f]{3,8}$/i.test(color) ? color : undefined;
  return (
    <span class="bp-avatar bp-initials" aria-hidden="true" style={{ ...style, background: bg }}>
      {initials(name) || '·'}
    </span>
  );
}

/** tel: link of a phone number as shown. */
export function PhoneLink({ phone }: { phone: string }) {
  return (
    <a class="bp-phone" href={`tel:${phone.replace(/[^\d+]/g, '')}`}>
      {phone}
    </a>
  );
}
