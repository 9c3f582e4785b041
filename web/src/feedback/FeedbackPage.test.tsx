import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetApiClient } from '../app/api';
import { makeClient, sessionFor, TAGS } from '../clients/testFixtures';
import i18n from '../i18n';
import type { Role } from '../identity/types';
import { json, mockFetch, type RecordedCall } from '../test/fetchMock';
import { renderApp } from '../test/render';
import type { FeedbackItem, FeedbackPage } from './api';

configure({ asyncUtilTimeout: 5000 });

beforeEach(async () => {
  resetApiClient();
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

function item(over: Partial<FeedbackItem> = {}): FeedbackItem {
  return {
    id: 7,
    appointment_id: 1042,
    client: { id: 17, name: 'Olena Kovalenko' },
    branch: { id: 1, name: 'Kvitka Demo' },
    staff: [{ id: 3, name: 'Anna Master' }],
    rating: 2,
    nps: 4,
    comment: 'Waited <b>40</b> minutes',
    low: true,
    visit_start: '2026-03-10T12:00:00Z',
    created_at: '2026-03-10T15:00:00Z',
    updated_at: '2026-03-10T15:00:00Z',
    ...over,
  };
}

const SUMMARY: FeedbackPage['summary'] = {
  count: 3,
  average: 3.67,
  by_rating: { 1: 0, 2: 1, 3: 0, 4: 1, 5: 1 },
  nps: { count: 2, promoters: 1, passives: 0, detractors: 1, score: 0 },
};
const LOW = item();
const GOOD = item({ id: 6, client: { id: 18, name: 'Iryna Bondar' }, rating: 5, nps: 10, comment: '', low: false });
const OLDER = item({ id: 2, client: { id: 19, name: 'Maria Petrenko' }, rating: 4, nps: null, comment: 'Nice', low: false });

function serve(role: Role = 'owner', extra: (call: RecordedCall) => Response | null = () => null) {
  return mockFetch((call) => {
    const [path, query = ''] = call.url.split('?');
    const params = new URLSearchParams(query);
    const answer = extra(call);
    if (answer) return answer;
    if (path === '/api/v1/me') return json(sessionFor(role));
    if (path === '/api/v1/staff') return json({ items: [{ id: 3, branch_id: 1, name: 'Anna Master' }, { id: 4, branch_id: 1, name: 'Iryna Master' }] });
    if (path === '/api/v1/feedback') {
      if (params.get('max_rating') === '3') return json({ items: [LOW], next_cursor: null, summary: SUMMARY });
      return params.get('cursor') === 'c6'
        ? json({ items: [OLDER], next_cursor: null, summary: SUMMARY })
        : json({ items: [LOW, GOOD], next_cursor: 'c6', summary: SUMMARY });
    }
    if (path === '/api/v1/client-tags') return json({ items: TAGS });
    if (path === '/api/v1/clients/17') return json(makeClient({}, role));
    if (path === '/api/v1/clients/17/feedback')
      return json({ items: [LOW], next_cursor: null, summary: { ...SUMMARY, count: 1, average: 2, nps: { count: 1, promoters: 0, passives: 0, detractors: 1, score: -100 } } });
    return json({ items: [], next_cursor: null });
  });
}

const feedbackCalls = (calls: RecordedCall[]) => calls.filter((c) => c.url.startsWith('/api/v1/feedback'));

describe('feedback page', () => {
  it('lists the answers with the average and NPS, filters them and loads more', async () => {
    const { calls } = serve();
    renderApp('/feedback');
    expect(await screen.findByTestId('page-title')).toHaveTextContent('Feedback');
    const list = await screen.findByTestId('feedback-list');
    expect(screen.getByTestId('nav-feedback')).toBeInTheDocument();
    expect(within(list).getAllByTestId(/^feedback-item-\d+$/).map((i) => i.dataset.testid)).toEqual(['feedback-item-7', 'feedback-item-6']);
    expect(screen.getByTestId('feedback-average')).toHaveTextContent('3.67');
    expect(screen.getByTestId('feedback-count')).toHaveTextContent('Answers: 3');
    expect(screen.getByTestId('feedback-nps')).toHaveTextContent('0');
    expect(screen.getByTestId('feedback-nps-groups')).toHaveTextContent('Promoters (9–10): 1');
    expect(screen.getByTestId('feedback-nps-groups')).toHaveTextContent('Detractors (0–6): 1');

    const low = screen.getByTestId('feedback-item-7');
    expect(within(low).getByTestId('feedback-low')).toHaveTextContent('Low score');
    expect(low).toHaveTextContent('Bad');
    expect(low).toHaveTextContent('NPS 4');
    // A comment is plain text, never markup.
    expect(within(low).getByTestId('feedback-comment').textContent).toBe('Waited <b>40</b> minutes');
    expect(within(low).getByRole('link', { name: 'Olena Kovalenko' })).toHaveAttribute('href', '/clients/17');
    expect(low).toHaveTextContent('Anna Master');
    expect(low).toHaveTextContent(/Visit Mar 10, 2026, 2:00\sPM/);
    const good = screen.getByTestId('feedback-item-6');
    expect(within(good).queryByTestId('feedback-low')).toBeNull();
    expect(good).toHaveTextContent('No comment');

    fireEvent.click(screen.getByTestId('feedback-list-more'));
    await waitFor(() => expect(screen.getByTestId('feedback-item-2')).toBeInTheDocument());
    expect(feedbackCalls(calls).at(-1)!.url).toContain('cursor=c6');
    expect(screen.queryByTestId('feedback-list-more')).toBeNull();

    fireEvent.click(screen.getByTestId('feedback-filter-rating'));
    fireEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name: 'Low: 3★ or fewer' }));
    await waitFor(() => expect(screen.queryByTestId('feedback-item-6')).toBeNull());
    expect(await screen.findByTestId('feedback-item-7')).toBeInTheDocument();
    expect(feedbackCalls(calls).at(-1)!.url).toContain('max_rating=3');

    fireEvent.click(screen.getByTestId('feedback-filter-master'));
    fireEvent.click(await screen.findByRole('option', { name: 'Anna Master' }));
    await waitFor(() => expect(feedbackCalls(calls).at(-1)!.url).toContain('staff_id=3'));
    expect(feedbackCalls(calls).at(-1)!.url).toContain('max_rating=3');
  });

  it('says when there is nothing yet', async () => {
    serve('manager', (call) =>
      call.url.startsWith('/api/v1/feedback')
        ? json({ items: [], next_cursor: null, summary: { count: 0, average: null, by_rating: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, nps: { count: 0, promoters: 0, passives: 0, detractors: 0, score: null } } })
        : null,
    );
    renderApp('/feedback');
    expect(await screen.findByTestId('feedback-list-empty')).toHaveTextContent('No feedback yet');
    expect(screen.getByTestId('feedback-average')).toHaveTextContent('—');
    expect(screen.getByTestId('feedback-nps')).toHaveTextContent('—');
  });

  it.each(['admin', 'master'] as const)('is not offered to an %s, and asks nothing', async (role) => {
    const { calls } = serve(role);
    renderApp('/feedback');
    expect(await screen.findByTestId('feedback-forbidden')).toBeInTheDocument();
    expect(screen.queryByTestId('nav-feedback')).toBeNull();
    expect(screen.getByTestId('nav-clients')).toBeInTheDocument();
    expect(feedbackCalls(calls)).toHaveLength(0);
  });
});

describe('client card > feedback', () => {
  it("shows the client's answers to owners and managers", async () => {
    serve('manager');
    renderApp('/clients/17?tab=feedback');
    const list = await screen.findByTestId('client-feedback');
    expect(within(list).getByTestId('feedback-item-7')).toHaveTextContent('Waited <b>40</b> minutes');
    // The client is not named again on their own card.
    expect(within(list).queryByRole('link', { name: 'Olena Kovalenko' })).toBeNull();
    expect(screen.getByTestId('feedback-average')).toHaveTextContent('2.00');
    expect(screen.getByTestId('feedback-nps')).toHaveTextContent('-100');
  });

  it('has no feedback tab for admins', async () => {
    const { calls } = serve('admin');
    renderApp('/clients/17?tab=feedback');
    expect(await screen.findByTestId('client-card')).toBeInTheDocument();
    expect(screen.queryByTestId('client-tab-feedback')).toBeNull();
    expect(calls.some((c) => c.url.includes('/feedback'))).toBe(false);
  });
});
