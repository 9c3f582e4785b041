import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetApiClient } from '../app/api';
import { sessionFor } from '../clients/testFixtures';
import i18n from '../i18n';
import { json, mockFetch, problem, type RecordedCall } from '../test/fetchMock';
import { renderApp } from '../test/render';
import { templates } from './testFixtures';
import type { MessageTemplate, TemplatePreview } from './types';

configure({ asyncUtilTimeout: 5000 });

beforeEach(async () => {
  resetApiClient();
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

const BIRTHDAY: MessageTemplate = {
  kind: 'birthday',
  channel: 'sms',
  language: 'en',
  body: 'Happy birthday, {{client_name}}! {{opt_out}}',
  custom: true,
  updated_at: '2026-01-05T10:00:00Z',
};

function sample(text: unknown): string {
  return String(text ?? '')
    .replaceAll('{{client_name}}', 'Olena')
    .replaceAll('{{date}}', '12.03')
    .replaceAll('{{time}}', '10:00');
}

function rendered(body: Record<string, unknown>): TemplatePreview {
  const text = sample(body.body);
  return {
    subject: sample(body.subject),
    text,
    html: String(body.html ?? ''),
    sms: body.channel === 'sms' ? { encoding: 'ucs2', parts: text.length > 70 ? 2 : 1, units: text.length, units_per_part: 70 } : null,
  };
}

function serve(extra: (call: RecordedCall) => Response | null = () => null) {
  let list = templates([BIRTHDAY]);
  return mockFetch((call) => {
    const path = call.url.split('?')[0];
    if (path === '/api/v1/me') return json(sessionFor('owner'));
    const answer = extra(call);
    if (answer) return answer;
    if (path === '/api/v1/message-templates') return json({ items: list });
    if (path === '/api/v1/message-templates/variables') {
      const kind = new URLSearchParams(call.url.split('?')[1]).get('kind');
      const names = kind === 'birthday' ? ['client_name', 'booking_link', 'opt_out'] : ['client_name', 'date', 'time', 'master'];
      return json({ kind, items: names.map((name) => ({ name })) });
    }
    if (path === '/api/v1/message-templates/preview') return json(rendered(call.body as Record<string, unknown>));
    const m = /^\/api\/v1\/message-templates\/(\w+)\/(\w+)\/(\w+)$/.exec(path);
    if (m) {
      const [, kind, channel, language] = m;
      const same = (x: MessageTemplate) => x.kind === kind && x.channel === channel && x.language === language;
      if (call.method === 'PUT') {
        const saved = { ...list.find(same)!, ...(call.body as object), custom: true };
        list = list.map((x) => (same(x) ? saved : x));
        return json(saved);
      }
      if (call.method === 'DELETE') {
        const fallback = templates().find(same)!;
        list = list.map((x) => (same(x) ? fallback : x));
        return json(fallback);
      }
    }
    return json({ items: [], next_cursor: null });
  });
}

const previews = (calls: RecordedCall[]) => calls.filter((c) => c.url === '/api/v1/message-templates/preview');

async function openTemplates() {
  renderApp('/settings?tab=messages&section=templates');
  return screen.findByTestId('template-form');
}

describe('Settings > Messages > Templates', () => {
  it('opens the SMS reminder in the interface language with its variables and a live preview', async () => {
    const { calls } = serve();
    await openTemplates();
    const kind = screen.getByTestId('template-kind');
    expect(kind).toHaveValue('reminder');
    // Kinds are grouped: to clients, marketing, to staff; edited ones are marked.
    const groups = [...kind.querySelectorAll('optgroup')].map((g) => g.getAttribute('label'));
    expect(groups).toEqual(['To clients', 'Marketing', 'To staff']);
    expect(within(kind).getByRole('option', { name: 'Birthday greeting · edited' })).toBeInTheDocument();
    expect(screen.getByTestId('template-body')).toHaveValue('Default reminder sms en: {{client_name}}, {{date}} {{time}}');
    expect(screen.getByTestId('template-origin')).toHaveTextContent('Default text');
    expect(screen.queryByTestId('template-subject')).not.toBeInTheDocument();
    expect(screen.queryByTestId('template-html')).not.toBeInTheDocument();

    expect(await screen.findByTestId('template-variable-master')).toHaveTextContent('{{master}}');
    expect(calls.some((c) => c.url === '/api/v1/message-templates/variables?kind=reminder')).toBe(true);

    expect(await screen.findByTestId('template-preview-text')).toHaveTextContent('Default reminder sms en: Olena, 12.03 10:00');
    expect(previews(calls)[0].body).toEqual({
      kind: 'reminder',
      channel: 'sms',
      language: 'en',
      body: 'Default reminder sms en: {{client_name}}, {{date}} {{time}}',
    });
    expect(screen.getByTestId('template-preview-parts')).toHaveTextContent('SMS parts: 1');
    expect(screen.getByTestId('template-preview-encoding')).toHaveTextContent('Unicode (UCS-2)');
    expect(screen.getByTestId('template-preview-units')).toHaveTextContent('43 characters, up to 70 per part');
  });

  it('inserts a variable where the cursor is', async () => {
    serve();
    await openTemplates();
    const body = screen.getByTestId('template-body') as HTMLTextAreaElement;
    fireEvent.change(body, { target: { value: 'Hello, see you' } });
    body.focus();
    body.setSelectionRange(6, 6);
    fireEvent.select(body);
    fireEvent.click(await screen.findByTestId('template-variable-client_name'));
    expect(body).toHaveValue('Hello,{{client_name}} see you');
    // A selection is replaced.
    body.setSelectionRange(0, 5);
    fireEvent.click(screen.getByTestId('template-variable-master'));
    expect(body).toHaveValue('{{master}},{{client_name}} see you');
  });

  it('debounces the preview and shows the parts an SMS takes', async () => {
    const { calls } = serve();
    await openTemplates();
    await screen.findByTestId('template-preview-text');
    const before = previews(calls).length;
    const body = screen.getByTestId('template-body');
    const long = 'Привіт, {{client_name}}! Чекаємо вас завтра о {{time}}. Якщо плани змінились, напишіть нам, будь ласка.';
    fireEvent.change(body, { target: { value: 'Привіт' } });
    fireEvent.change(body, { target: { value: 'Привіт, {{client_name}}' } });
    fireEvent.change(body, { target: { value: long } });
    // Nothing is sent while the user types.
    expect(previews(calls)).toHaveLength(before);
    await waitFor(() => expect(screen.getByTestId('template-preview-parts')).toHaveTextContent('SMS parts: 2'));
    const sent = previews(calls).slice(before);
    expect(sent).toHaveLength(1);
    expect((sent[0].body as { body: string }).body).toBe(long);
    expect(screen.getByTestId('template-preview-text')).toHaveTextContent('Привіт, Olena! Чекаємо вас завтра о 10:00.');
  });

  it('warns while typing about names the message does not offer', async () => {
    serve();
    await openTemplates();
    await screen.findByTestId('template-variable-master');
    fireEvent.change(screen.getByTestId('template-body'), { target: { value: '{{client_name}}, {{salon_nme}} {{! note }}' } });
    const warnings = await screen.findByTestId('template-preview-warnings');
    expect(warnings).toHaveTextContent('This message has no variable {{salon_nme}}');
    expect(warnings).toHaveTextContent('Text, line 1, column 18');
    expect(within(warnings).getAllByRole('listitem')).toHaveLength(1);
    fireEvent.change(screen.getByTestId('template-body'), { target: { value: '{{client_name}}, {{master}}' } });
    await waitFor(() => expect(screen.queryByTestId('template-preview-warnings')).not.toBeInTheDocument());
  });

  it('shows the problems of a preview with names and where they are', async () => {
    serve((call) =>
      call.url === '/api/v1/message-templates/preview' && String((call.body as { body: string }).body).includes('#master')
        ? problem({
            status: 422,
            code: 'validation-failed',
            title: 'Validation failed',
            errors: [{ field: 'body', code: 'unclosed_section' }],
            issues: [{ field: 'body', code: 'unclosed_section', name: 'master', position: 9 }],
          })
        : null,
    );
    await openTemplates();
    fireEvent.change(screen.getByTestId('template-body'), { target: { value: 'Hi!\nWith {{#master}}{{master}}' } });
    const issues = await screen.findByTestId('template-preview-issues');
    expect(issues).toHaveTextContent('Section {{master}} is not closed');
    expect(issues).toHaveTextContent('Text, line 2, column 6');
    expect(screen.queryByTestId('template-preview-text')).not.toBeInTheDocument();
  });

  it('saves the text and shows the issues of a refused one at their fields', async () => {
    const { calls } = serve((call) =>
      call.method === 'PUT' && String((call.body as { body: string }).body).includes('{{foo}}')
        ? problem({
            status: 422,
            code: 'validation-failed',
            title: 'Validation failed',
            errors: [{ field: 'body', code: 'unknown_variable' }],
            issues: [{ field: 'body', code: 'unknown_variable', name: 'foo', position: 11 }],
          })
        : null,
    );
    await openTemplates();
    const body = screen.getByTestId('template-body');
    fireEvent.change(body, { target: { value: 'Dear 💐\n    {{foo}}' } });
    fireEvent.click(screen.getByTestId('template-save'));
    const issues = await screen.findByTestId('template-save-issues');
    // Positions count characters: the flower is one.
    expect(issues).toHaveTextContent('This message has no variable {{foo}}');
    expect(issues).toHaveTextContent('Text, line 2, column 5');
    expect(body).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Uses a variable this message does not have')).toBeInTheDocument();

    fireEvent.change(body, { target: { value: 'See you at {{time}}' } });
    expect(screen.queryByTestId('template-save-issues')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('template-save'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
    const put = calls.filter((c) => c.method === 'PUT')[1];
    expect(put.url).toBe('/api/v1/message-templates/reminder/sms/en');
    expect(put.body).toEqual({ body: 'See you at {{time}}' });
    expect(await screen.findByText('Template saved')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('template-origin')).toHaveTextContent('Your text'));
    expect(screen.getByTestId('template-reset')).toBeInTheDocument();
  });

  it('offers "Reset to default" only for the salon\'s own text', async () => {
    const { calls } = serve();
    await openTemplates();
    expect(screen.queryByTestId('template-reset')).not.toBeInTheDocument();

    fireEvent.change(screen.getByTestId('template-kind'), { target: { value: 'birthday' } });
    await waitFor(() => expect(screen.getByTestId('template-body')).toHaveValue('Happy birthday, {{client_name}}! {{opt_out}}'));
    expect(screen.getByTestId('template-origin')).toHaveTextContent('Your text');
    expect(await screen.findByTestId('template-variable-opt_out')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('template-reset'));
    fireEvent.click(await screen.findByTestId('template-reset-confirm'));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true));
    expect(calls.find((c) => c.method === 'DELETE')!.url).toBe('/api/v1/message-templates/birthday/sms/en');
    await waitFor(() => expect(screen.getByTestId('template-body')).toHaveValue('Default birthday sms en: {{client_name}}, {{date}} {{time}}'));
    expect(screen.getByTestId('template-origin')).toHaveTextContent('Default text');
    expect(screen.queryByTestId('template-reset')).not.toBeInTheDocument();
  });

  it('edits subject and HTML for email only, in the chosen language', async () => {
    const { calls } = serve();
    await openTemplates();
    fireEvent.click(within(screen.getByTestId('template-channel')).getByLabelText('Email'));
    fireEvent.click(within(screen.getByTestId('template-language')).getByLabelText('Українська'));
    const subject = await screen.findByTestId('template-subject');
    expect(subject).toHaveValue('Subject reminder');
    expect(screen.getByTestId('template-body')).toHaveValue('Default reminder email uk: {{client_name}}, {{date}} {{time}}');
    fireEvent.change(subject, { target: { value: 'Reminder for {{client_name}}' } });
    fireEvent.change(screen.getByTestId('template-html'), { target: { value: '<p>Hi <b>{{client_name}}</b></p>' } });
    await waitFor(() => expect(screen.getByTestId('template-preview-subject')).toHaveTextContent('Subject: Reminder for Olena'));
    expect(screen.getByTestId('template-preview-html')).toHaveAttribute('sandbox', '');
    expect(screen.queryByTestId('template-preview-sms')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('template-save'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.url).toBe('/api/v1/message-templates/reminder/email/uk');
    expect(put.body).toEqual({
      subject: 'Reminder for {{client_name}}',
      body: 'Default reminder email uk: {{client_name}}, {{date}} {{time}}',
      html: '<p>Hi <b>{{client_name}}</b></p>',
    });
  });
});
