import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetApiClient } from '../app/api';
import { sessionFor, TAGS } from '../clients/testFixtures';
import i18n from '../i18n';
import { json, mockFetch, problem, type RecordedCall } from '../test/fetchMock';
import { renderApp } from '../test/render';
import type { CampaignEstimate, CampaignView } from './campaigns';
import { channelViews } from './testFixtures';

configure({ asyncUtilTimeout: 5000 });

beforeEach(async () => {
  resetApiClient();
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

const BODY = 'Hi, {{client_name}}! -20% on manicure: {{booking_link}} {{opt_out}}';

function campaign(over: Partial<CampaignView> = {}): CampaignView {
  return {
    id: 7,
    name: 'Autumn manicure',
    channel: 'sms',
    audience: {},
    subject: '',
    body: BODY,
    per_minute: 600,
    status: 'draft',
    send_at: null,
    recipients: 0,
    sms_parts: 0,
    created_at: '2026-11-01T10:00:00Z',
    updated_at: '2026-11-01T10:00:00Z',
    results: null,
    ...over,
  };
}

const ESTIMATE: CampaignEstimate = {
  clients: 5,
  recipients: 3,
  without_consent: 1,
  unreachable: 1,
  sms_parts: 6,
  max_parts: 2,
  sample: 'Hi, Alla! -20% on manicure: https://kvitka.test/b/demo https://kvitka.test/b/u/abc',
};

const SEGMENTS = [
  { id: 4, name: 'Sleeping clients', filter: { sleeping_days: 90 } },
  { id: 5, name: 'VIP women', filter: { gender: 'female', tag_ids: [1] } },
];

type Extra = (call: RecordedCall) => Response | null;

/** A small campaigns server: the list, one campaign, create, edit, estimate, send and cancel. */
function serve(initial: CampaignView[] = [], extra: Extra = () => null, estimate: CampaignEstimate = ESTIMATE) {
  const store = new Map<number, CampaignView>(initial.map((c) => [c.id, c]));
  let nextId = 100;
  const handle = mockFetch((call) => {
    const [path, query = ''] = call.url.split('?');
    if (path === '/api/v1/me') return json(sessionFor('owner'));
    const answer = extra(call);
    if (answer) return answer;
    if (path === '/api/v1/client-tags') return json({ items: TAGS });
    if (path === '/api/v1/client-segments') return json({ items: SEGMENTS });
    if (path === '/api/v1/settings/channels') return json({ items: channelViews() });
    if (path === '/api/v1/message-templates/variables') {
      const kind = new URLSearchParams(query).get('kind');
      const names = ['client_name', 'booking_link', 'branch_name', 'address', 'salon_name', 'salon_phone', 'opt_out'];
      return json({ kind, items: names.map((name) => ({ name })) });
    }
    if (path === '/api/v1/message-templates/preview') {
      const body = String((call.body as { body?: string }).body ?? '');
      return json({ subject: '', text: body.replaceAll('{{client_name}}', 'Olena'), html: '', sms: null });
    }
    if (path === '/api/v1/campaigns') {
      if (call.method === 'POST') {
        const c = campaign({ ...(call.body as Partial<CampaignView>), id: nextId++, status: 'draft' });
        store.set(c.id, c);
        return json(c, 201);
      }
      const items = [...store.values()].sort((a, b) => b.id - a.id).map(({ results: _, ...c }) => c);
      return json({ items, next_cursor: null });
    }
    const m = /^\/api\/v1\/campaigns\/(\d+)(?:\/(\w+))?$/.exec(path);
    if (m) {
      const id = Number(m[1]);
      const c = store.get(id);
      if (!c) return problem({ status: 404, code: 'not-found', title: 'Not found' });
      const action = m[2];
      if (!action && call.method === 'GET') return json(c);
      if (!action && call.method === 'PATCH') {
        const saved = { ...c, ...(call.body as Partial<CampaignView>) };
        store.set(id, saved);
        return json(saved);
      }
      if (action === 'estimate') return json(estimate);
      if (action === 'send') {
        const at = (call.body as { send_at?: string } | undefined)?.send_at;
        const sent = campaign({
          ...c,
          status: at ? 'scheduled' : 'sent',
          send_at: at ?? '2026-11-22T10:00:00Z',
          recipients: estimate.recipients,
          sms_parts: estimate.sms_parts,
          results: { pending: estimate.recipients, sent: 0, delivered: 0, failed: 0, voided: 0, bookings: 0, days: 14 },
        });
        store.set(id, sent);
        return json(sent);
      }
      if (action === 'cancel') {
        const r = c.results!;
        const cancelled = { ...c, status: 'cancelled' as const, results: { ...r, pending: 0, voided: r.voided + r.pending } };
        store.set(id, cancelled);
        return json(cancelled);
      }
    }
    return json({ items: [], next_cursor: null });
  });
  return { ...handle, store };
}

const callsTo = (calls: RecordedCall[], method: string, path: string) =>
  calls.filter((c) => c.method === method && c.url.split('?')[0] === path);

async function openCampaigns(query = '') {
  renderApp(`/settings?tab=messages&section=campaigns${query}`);
  return screen.findByTestId('campaigns-panel');
}

const SENT = campaign({
  id: 3,
  name: 'Spring news',
  status: 'sent',
  send_at: '2026-03-01T10:00:00Z',
  recipients: 40,
  sms_parts: 80,
  results: { pending: 2, sent: 35, delivered: 31, failed: 3, voided: 0, bookings: 6, days: 14 },
});
const SCHEDULED = campaign({
  id: 5,
  name: 'Black Friday',
  status: 'scheduled',
  send_at: '2026-11-27T08:00:00Z',
  recipients: 12,
  sms_parts: 24,
  results: { pending: 12, sent: 0, delivered: 0, failed: 0, voided: 0, bookings: 0, days: 14 },
});
const DRAFT = campaign({ id: 7, name: 'Autumn manicure', audience: { tag_ids: '1' } });

describe('Settings > Messages > Campaigns', () => {
  it('is a section of the messages settings and lists campaigns with their status and results', async () => {
    const { calls } = serve([SENT, SCHEDULED, DRAFT]);
    renderApp('/settings?tab=messages');
    const sections = await screen.findByTestId('messages-section');
    fireEvent.click(within(sections).getByLabelText('Campaigns'));
    const list = await screen.findByTestId('campaigns-list');
    const rows = within(list).getAllByRole('link');
    expect(rows.map((r) => r.getAttribute('data-testid'))).toEqual(['campaign-row-7', 'campaign-row-5', 'campaign-row-3']);
    expect(screen.getByTestId('campaign-row-status-7')).toHaveTextContent('Draft');
    expect(screen.getByTestId('campaign-row-status-5')).toHaveTextContent('Scheduled');
    expect(screen.getByTestId('campaign-row-status-3')).toHaveTextContent('Sent');
    expect(await screen.findByTestId('campaign-row-results-3')).toHaveTextContent(
      'Sent: 35 · failed: 3 · waiting: 2 · bookings: 6',
    );
    expect(await screen.findByTestId('campaign-row-results-5')).toHaveTextContent('waiting: 12');
    // A draft has no results to ask for.
    expect(screen.queryByTestId('campaign-row-results-7')).not.toBeInTheDocument();
    expect(calls.some((c) => c.url.startsWith('/api/v1/campaigns/7'))).toBe(false);
    expect(calls.find((c) => c.url.startsWith('/api/v1/campaigns/3'))!.url).toBe('/api/v1/campaigns/3?days=14');
    expect(calls.find((c) => c.url.startsWith('/api/v1/campaigns?'))!.url).toBe('/api/v1/campaigns?limit=20');
  });

  it('creates a draft for tagged clients, inserting variables where the cursor is', async () => {
    const { calls } = serve();
    await openCampaigns();
    fireEvent.click(await screen.findByTestId('campaigns-new'));
    await screen.findByTestId('campaign-form');
    expect(screen.getByTestId('campaign-save-first')).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('campaign-name'), { target: { value: 'Autumn manicure' } });
    fireEvent.click(within(screen.getByTestId('campaign-audience-mode')).getByLabelText('Tags'));
    fireEvent.click(within(await screen.findByTestId('tag-chip-2')).getByRole('checkbox'));
    fireEvent.click(within(screen.getByTestId('tag-chip-1')).getByRole('checkbox'));
    const body = screen.getByTestId('campaign-body') as HTMLTextAreaElement;
    fireEvent.change(body, { target: { value: 'Hi, ! See you' } });
    body.focus();
    body.setSelectionRange(4, 4);
    fireEvent.select(body);
    fireEvent.click(await screen.findByTestId('template-variable-client_name'));
    expect(body).toHaveValue('Hi, {{client_name}}! See you');
    body.setSelectionRange(body.value.length, body.value.length);
    fireEvent.click(screen.getByTestId('template-variable-opt_out'));
    expect(body).toHaveValue('Hi, {{client_name}}! See you{{opt_out}}');
    fireEvent.change(screen.getByTestId('campaign-per-minute'), { target: { value: '120' } });
    fireEvent.click(screen.getByTestId('campaign-save'));

    await waitFor(() => expect(callsTo(calls, 'POST', '/api/v1/campaigns')).toHaveLength(1));
    expect(callsTo(calls, 'POST', '/api/v1/campaigns')[0].body).toEqual({
      name: 'Autumn manicure',
      channel: 'sms',
      audience: { tag_ids: '1,2' },
      subject: '',
      body: 'Hi, {{client_name}}! See you{{opt_out}}',
      per_minute: 120,
    });
    // The new draft opens, ready to be counted and sent.
    expect(await screen.findByTestId('campaign-estimate')).toBeInTheDocument();
    expect(screen.getByTestId('campaign-name')).toHaveValue('Autumn manicure');
    expect(screen.getByTestId('campaign-save')).toBeDisabled();
    expect(await screen.findByTestId('template-preview-text')).toHaveTextContent('Hi, Olena! See you');
  });

  it('shows the refused fields under their inputs and never sends an empty segment', async () => {
    const { calls } = serve([], (call) =>
      call.method === 'POST' && call.url === '/api/v1/campaigns'
        ? problem({
            status: 422,
            code: 'validation-failed',
            title: 'Validation failed',
            errors: [
              { field: 'name', code: 'required', message: 'Required.' },
              { field: 'body', code: 'opt_out_required', message: 'Needs opt-out.' },
              { field: 'per_minute', code: 'out_of_range', message: 'Out of range.' },
              { field: 'audience.tag_ids', code: 'invalid_value', message: 'Bad.' },
            ],
          })
        : null,
    );
    await openCampaigns('&campaign=new');
    await screen.findByTestId('campaign-form');
    // A segment must be chosen: without one the campaign would reach every client.
    fireEvent.click(within(screen.getByTestId('campaign-audience-mode')).getByLabelText('Saved segment'));
    await screen.findByTestId('campaign-segment');
    fireEvent.click(screen.getByTestId('campaign-save'));
    expect(await within(screen.getByTestId('campaign-audience')).findByText('Choose a segment', { selector: 'p, div' })).toBeInTheDocument();
    expect(callsTo(calls, 'POST', '/api/v1/campaigns')).toHaveLength(0);

    fireEvent.change(screen.getByTestId('campaign-segment'), { target: { value: '5' } });
    fireEvent.change(screen.getByTestId('campaign-body'), { target: { value: 'Hello!' } });
    fireEvent.click(screen.getByTestId('campaign-save'));
    await waitFor(() => expect(callsTo(calls, 'POST', '/api/v1/campaigns')).toHaveLength(1));
    expect((callsTo(calls, 'POST', '/api/v1/campaigns')[0].body as { audience: unknown }).audience).toEqual({ segment_id: '5' });
    await waitFor(() => expect(screen.getByTestId('campaign-name')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('This field is required')).toBeInTheDocument();
    expect(screen.getByTestId('campaign-body')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Must contain the opt-out line {{opt_out}}')).toBeInTheDocument();
    expect(screen.getByTestId('campaign-per-minute')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('The value is out of range')).toBeInTheDocument();
    expect(within(screen.getByTestId('campaign-audience')).getByText('Invalid value')).toBeInTheDocument();
    // Typing again clears the refusal.
    fireEvent.change(screen.getByTestId('campaign-name'), { target: { value: 'x' } });
    expect(screen.getByTestId('campaign-name')).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('counts the recipients on request and recounts after saving a change', async () => {
    const { calls } = serve([DRAFT]);
    await openCampaigns('&campaign=7');
    await screen.findByTestId('campaign-form');
    expect(screen.getByTestId('campaign-estimate-empty')).toBeInTheDocument();
    expect(callsTo(calls, 'POST', '/api/v1/campaigns/7/estimate')).toHaveLength(0);
    // The draft's tags are chosen.
    await waitFor(() => expect(within(screen.getByTestId('tag-chip-1')).getByRole('checkbox')).toBeChecked());

    fireEvent.click(screen.getByTestId('campaign-estimate-refresh'));
    expect(await screen.findByTestId('campaign-estimate-recipients')).toHaveTextContent('3');
    expect(screen.getByTestId('campaign-estimate-clients')).toHaveTextContent('5');
    expect(screen.getByTestId('campaign-estimate-without-consent')).toHaveTextContent('1');
    expect(screen.getByTestId('campaign-estimate-unreachable')).toHaveTextContent('1');
    expect(screen.getByTestId('campaign-estimate-sms-parts')).toHaveTextContent('6');
    expect(screen.getByTestId('campaign-estimate-max-parts')).toHaveTextContent('2');
    expect(screen.getByTestId('campaign-estimate-sample')).toHaveTextContent('Hi, Alla! -20% on manicure');
    expect(callsTo(calls, 'POST', '/api/v1/campaigns/7/estimate')).toHaveLength(1);
    expect(screen.queryByTestId('campaign-estimate-stale')).not.toBeInTheDocument();

    // A change makes the count stale; recounting saves the draft first.
    fireEvent.change(screen.getByTestId('campaign-body'), { target: { value: `${BODY} Today only!` } });
    expect(screen.getByTestId('campaign-estimate-stale')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('campaign-estimate-refresh'));
    await waitFor(() => expect(callsTo(calls, 'POST', '/api/v1/campaigns/7/estimate')).toHaveLength(2));
    const patches = callsTo(calls, 'PATCH', '/api/v1/campaigns/7');
    expect(patches).toHaveLength(1);
    expect(patches[0].body).toMatchObject({ body: `${BODY} Today only!`, audience: { tag_ids: '1' } });
    const patchAt = calls.indexOf(patches[0]);
    const estimateAt = calls.indexOf(callsTo(calls, 'POST', '/api/v1/campaigns/7/estimate')[1]);
    expect(patchAt).toBeLessThan(estimateAt);
    await waitFor(() => expect(screen.queryByTestId('campaign-estimate-stale')).not.toBeInTheDocument());
  });

  it('sends now after a confirmation with the recipients and SMS parts, then shows the results', async () => {
    const { calls } = serve([DRAFT]);
    await openCampaigns('&campaign=7');
    await screen.findByTestId('campaign-form');
    fireEvent.click(screen.getByTestId('campaign-send-now'));
    const modal = await screen.findByTestId('campaign-send-modal');
    expect(await within(modal).findByTestId('campaign-send-recipients')).toHaveTextContent('Recipients: 3');
    expect(within(modal).getByTestId('campaign-send-parts')).toHaveTextContent('SMS parts: 6 (up to 2 per message)');
    expect(within(modal).queryByTestId('campaign-send-at')).not.toBeInTheDocument();
    // Nothing goes before the confirmation.
    expect(callsTo(calls, 'POST', '/api/v1/campaigns/7/send')).toHaveLength(0);
    fireEvent.click(within(modal).getByTestId('campaign-send-confirm'));

    await waitFor(() => expect(callsTo(calls, 'POST', '/api/v1/campaigns/7/send')).toHaveLength(1));
    expect(callsTo(calls, 'POST', '/api/v1/campaigns/7/send')[0].body).toEqual({});
    expect(await screen.findByTestId('campaign-results')).toBeInTheDocument();
    expect(screen.getByTestId('campaign-status')).toHaveTextContent('Sent');
    expect(screen.getByTestId('campaign-result-pending')).toHaveTextContent('3');
    expect(screen.getByTestId('campaign-summary-recipients')).toHaveTextContent('3');
    expect(screen.getByTestId('campaign-summary-parts')).toHaveTextContent('6');
    expect(await screen.findByText('The campaign is on its way')).toBeInTheDocument();
    expect(screen.queryByTestId('campaign-form')).not.toBeInTheDocument();
  });

  it('will not send a campaign nobody would get', async () => {
    const { calls } = serve([DRAFT], () => null, { ...ESTIMATE, recipients: 0, sms_parts: 0, max_parts: 0, sample: '' });
    await openCampaigns('&campaign=7');
    fireEvent.click(await screen.findByTestId('campaign-send-now'));
    const modal = await screen.findByTestId('campaign-send-modal');
    expect(await within(modal).findByTestId('campaign-send-nobody')).toBeInTheDocument();
    expect(within(modal).getByTestId('campaign-send-confirm')).toBeDisabled();
    expect(callsTo(calls, 'POST', '/api/v1/campaigns/7/send')).toHaveLength(0);
  });

  it('schedules for a time of the salon, showing the refusal of a past time under the field', async () => {
    let refuse = true;
    const { calls } = serve([DRAFT], (call) => {
      if (call.url !== '/api/v1/campaigns/7/send' || !refuse) return null;
      refuse = false;
      return problem({
        status: 422,
        code: 'validation-failed',
        title: 'Validation failed',
        errors: [{ field: 'send_at', code: 'in_past', message: 'This moment has already passed.' }],
      });
    });
    await openCampaigns('&campaign=7');
    fireEvent.click(await screen.findByTestId('campaign-schedule'));
    const modal = await screen.findByTestId('campaign-send-modal');
    expect(await within(modal).findByTestId('campaign-send-recipients')).toHaveTextContent('Recipients: 3');
    const at = within(modal).getByTestId('campaign-send-at');
    fireEvent.change(at, { target: { value: '2020-01-01T10:00' } });
    fireEvent.click(within(modal).getByTestId('campaign-send-confirm'));
    expect(await within(modal).findByText('This moment has already passed.')).toBeInTheDocument();
    expect(at).toHaveAttribute('aria-invalid', 'true');

    // 10:00 in Kyiv in winter is 08:00 UTC.
    fireEvent.change(at, { target: { value: '2030-11-27T10:00' } });
    fireEvent.click(within(modal).getByTestId('campaign-send-confirm'));
    await waitFor(() => expect(callsTo(calls, 'POST', '/api/v1/campaigns/7/send')).toHaveLength(2));
    expect(callsTo(calls, 'POST', '/api/v1/campaigns/7/send')[1].body).toEqual({ send_at: '2030-11-27T08:00:00Z' });
    expect(await screen.findByTestId('campaign-results')).toBeInTheDocument();
    expect(screen.getByTestId('campaign-status')).toHaveTextContent('Scheduled');
    expect(screen.getByTestId('campaign-cancel')).toBeInTheDocument();
  });

  it('says so when the campaign is no longer a draft', async () => {
    serve([DRAFT], (call) =>
      call.url === '/api/v1/campaigns/7/send'
        ? problem({ status: 409, code: 'channel-not-set-up', title: "The salon's Telegram bot is not set up" })
        : null,
    );
    await openCampaigns('&campaign=7');
    fireEvent.click(await screen.findByTestId('campaign-send-now'));
    const modal = await screen.findByTestId('campaign-send-modal');
    fireEvent.click(await within(modal).findByTestId('campaign-send-confirm'));
    expect(await within(modal).findByTestId('campaign-send-conflict')).toHaveTextContent('no longer a draft');
    expect(within(modal).queryByText(/Telegram/)).not.toBeInTheDocument();
  });

  it('cancels a scheduled campaign after a confirmation', async () => {
    const { calls } = serve([SCHEDULED]);
    await openCampaigns('&campaign=5');
    expect(await screen.findByTestId('campaign-status')).toHaveTextContent('Scheduled');
    expect(screen.getByTestId('campaign-result-pending')).toHaveTextContent('12');
    fireEvent.click(screen.getByTestId('campaign-cancel'));
    expect(await screen.findByTestId('campaign-cancel-text')).toHaveTextContent('Messages not sent yet (12) will not go.');
    expect(callsTo(calls, 'POST', '/api/v1/campaigns/5/cancel')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('campaign-cancel-confirm'));
    await waitFor(() => expect(callsTo(calls, 'POST', '/api/v1/campaigns/5/cancel')).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('campaign-status')).toHaveTextContent('Cancelled'));
    expect(screen.getByTestId('campaign-result-voided')).toHaveTextContent('12');
    expect(screen.getByTestId('campaign-result-pending')).toHaveTextContent('0');
    expect(screen.queryByTestId('campaign-cancel')).not.toBeInTheDocument();
    expect(screen.getByTestId('campaign-cancelled-note')).toBeInTheDocument();
  });

  it('shows what a sent campaign did, with the bookings within 14 days', async () => {
    const { calls } = serve([{ ...SENT, audience: { segment_id: '5' } }]);
    await openCampaigns('&campaign=3');
    const results = await screen.findByTestId('campaign-results');
    expect(within(results).getByTestId('campaign-result-sent')).toHaveTextContent('35');
    expect(within(results).getByTestId('campaign-result-delivered')).toHaveTextContent('31');
    expect(within(results).getByTestId('campaign-result-failed')).toHaveTextContent('3');
    expect(within(results).getByTestId('campaign-result-pending')).toHaveTextContent('2');
    expect(within(results).getByTestId('campaign-result-voided')).toHaveTextContent('0');
    expect(within(results).getByTestId('campaign-result-bookings-label')).toHaveTextContent('Bookings within 14 days');
    expect(within(results).getByTestId('campaign-result-bookings')).toHaveTextContent('6');
    expect(screen.getByTestId('campaign-summary-body')).toHaveTextContent(BODY);
    expect(await screen.findByText('Segment “VIP women”')).toBeInTheDocument();
    expect(screen.getByTestId('campaign-summary-when')).toHaveTextContent('Mar 1, 2026');
    // Still going out at its pace: it can be stopped.
    expect(screen.getByTestId('campaign-cancel')).toHaveTextContent('Stop sending');
    expect(calls.find((c) => c.url.startsWith('/api/v1/campaigns/3'))!.url).toBe('/api/v1/campaigns/3?days=14');
  });
});
