import type { TFunction } from 'i18next';
import { ApiError, isApiError, type FieldError } from './api';

/** Translated text for one field error; falls back to the server's message. */
export function fieldErrorText(t: TFunction, error: FieldError): string {
  return t(`errors.field.${error.code}`, {
    defaultValue: error.message || t('errors.field.invalid_value'),
  });
}

/**
 * Splits the field errors of a problem into those a form shows next to its
 * inputs (keyed by API field name) and those it has no input for.
 */
export function splitFieldErrors(
  t: TFunction,
  error: unknown,
  formFields: readonly string[],
): { fields: Record<string, string>; other: string[] } {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  if (!isApiError(error)) return { fields, other };
  for (const fe of error.fieldErrors) {
    const text = fieldErrorText(t, fe);
    if (formFields.includes(fe.field)) {
      if (!(fe.field in fields)) fields[fe.field] = text;
    } else {
      other.push(`${fe.field}: ${text}`);
    }
  }
  return { fields, other };
}

export interface ProblemText {
  title: string;
  detail?: string;
}

/**
 * Headline and detail for an error. Codes we know get our own wording; for
 * everything else the server's title and detail (already localized through
 * Accept-Language) are shown.
 */
export function problemText(t: TFunction, error: unknown): ProblemText {
  if (!isApiError(error)) {
    return { title: t('errors.generic'), detail: error instanceof Error ? error.message : undefined };
  }
  const known = t(`errors.problem.${error.code}`, { defaultValue: '' });
  if (error.code === 'too-many-requests' && error.retryAfter) {
    return {
      title: known || error.title,
      detail: t('errors.retryIn', { minutes: Math.max(1, Math.ceil(error.retryAfter / 60)) }),
    };
  }
  if (known) {
    // Validation problems are explained by the field messages themselves.
    const detail =
      error.code === 'validation-failed' || error.code === 'invalid-credentials'
        ? undefined
        : serverDetail(error, known);
    return { title: known, detail };
  }
  return { title: error.title || t('errors.generic'), detail: serverDetail(error, error.title) };
}

function serverDetail(error: ApiError, shownTitle: string): string | undefined {
  if (!error.detail || error.detail === shownTitle || error.detail === error.title) return undefined;
  return error.detail;
}
