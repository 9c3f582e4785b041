import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetApiClient } from '../app/api';
import { sessionFor } from '../clients/testFixtures';
import i18n from '../i18n';
import type { Role } from '../identity/types';
import { json, mockFetch, problem, type RecordedCall } from '../test/fetchMock';
import { renderApp } from '../test/render';
import { playChime } from './chime';
import { makeSummary, makeTask } from './testFixtures';
import type { Task, TaskSummary } from './types';

vi.mock('./chime', () => ({ playChime: vi.fn() }));

configure({ asyncUtilTimeout: 5000 });

beforeEach(async () => {
  resetApiClient();
  vi.mocked(playChime).mockClear();
  await i18n.changeLanguage('en');
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

interface Server {
  summary: TaskSummary;
  open: Task[];
  done: Task[];
}

function serve(role: Role = 'owner', extra: (call: RecordedCall) => Response | null = () => null) {
  const state: Server = { summary: makeSummary(), open: [], done: [] };
  const mock = mockFetch((call) => {
    const [path, query = ''] = call.url.split('?');
    const params = new URLSearchParams(query);
    const answer = extra(call);
    if (answer) return answer;
    if (path === '/api/v1/me') return json(sessionFor(role));
    if (path === '/api/v1/tasks/summary') return json(state.summary);
    if (path === '/api/v1/users') return json({ items: [{ id: 5, name: 'Iryna Master', email: 'i@k.demo', role: 'master', active: true, locale: 'en', created_at: '2026-01-01T00:00:00Z' }], next_cursor: null });
    if (path === '/api/v1/tasks' && call.method === 'GET') {
      return json({ items: params.get('status') === 'done' ? state.done : state.open, next_cursor: null });
    }
    const patch = /^\/api\/v1\/tasks\/(\d+)$/.exec(path);
    if (patch && call.method === 'PATCH') {
      const task = [...state.open, ...state.done].find((t) => t.id === Number(patch[1]))!;
      return json({ ...task, ...(call.body as object) });
    }
    return json({ items: [], next_cursor: null });
  });
  return { ...mock, state };
}

const summaryCalls = (calls: RecordedCall[]) => calls.filter((c) => c.url === '/api/v1/tasks/summary');

describe('reminders bell', { timeout: 30_000 }, () => {
  it('shows the count of open tasks due (overdue and today) on its badge', async () => {
    const { state } = serve();
    state.summary = makeSummary({ open: 7, overdue: 2, due_today: 3, newest_id: 40 });
    renderApp('/nowhere');
    const badge = await screen.findByTestId('tasks-badge');
    expect(badge).toHaveTextContent('5');
    expect(screen.getByTestId('tasks-bell')).toHaveAccessibleName('Reminders: 5 due');
  });

  it('has no badge when nothing is due', async () => {
    const { calls } = serve();
    renderApp('/nowhere');
    await screen.findByTestId('tasks-bell');
    await waitFor(() => expect(summaryCalls(calls).length).toBeGreaterThan(0));
    expect(screen.queryByTestId('tasks-badge')).not.toBeInTheDocument();
  });

  it('chimes when a new task appears, never for what was there on load', async () => {
    const { state, calls } = serve();
    state.summary = makeSummary({ open: 1, due_today: 1, newest_id: 10 });
    const { queryClient } = renderApp('/nowhere');
    await screen.findByTestId('tasks-badge');
    expect(playChime).not.toHaveBeenCalled();

    // The same newest task on the next poll: silence.
    await act(() => queryClient.refetchQueries({ queryKey: ['tasks', 'summary'] }));
    expect(summaryCalls(calls).length).toBe(2);
    expect(playChime).not.toHaveBeenCalled();

    state.summary = makeSummary({ open: 2, overdue: 1, due_today: 1, newest_id: 11 });
    await act(() => queryClient.refetchQueries({ queryKey: ['tasks', 'summary'] }));
    await waitFor(() => expect(playChime).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('New task')).toBeInTheDocument();
    expect(screen.getByTestId('tasks-badge')).toHaveTextContent('2');

    // A task completed elsewhere (the newest goes down) is no news either.
    state.summary = makeSummary({ open: 1, due_today: 1, newest_id: 10 });
    await act(() => queryClient.refetchQueries({ queryKey: ['tasks', 'summary'] }));
    expect(playChime).toHaveBeenCalledTimes(1);
  });

  it('polls every 30 seconds and when the window gets focus', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { state, calls } = serve();
    state.summary = makeSummary({ open: 1, due_today: 1, newest_id: 3 });
    renderApp('/nowhere');
    await screen.findByTestId('tasks-badge');
    expect(summaryCalls(calls).length).toBe(1);
    state.summary = makeSummary({ open: 2, due_today: 2, newest_id: 4 });
    await act(async () => {
      vi.advanceTimersByTime(30_000);
    });
    await waitFor(() => expect(summaryCalls(calls).length).toBe(2));
    await waitFor(() => expect(playChime).toHaveBeenCalledTimes(1));

    await act(async () => {
      window.dispatchEvent(new Event('visibilitychange'));
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await waitFor(() => expect(summaryCalls(calls).length).toBe(3));
  });

  it('stays silent when muted (kept in this browser), and still shows the notification', async () => {
    const { state } = serve();
    state.summary = makeSummary({ open: 1, due_today: 1, newest_id: 10 });
    const { queryClient } = renderApp('/nowhere');
    await screen.findByTestId('tasks-badge');
    fireEvent.click(screen.getByTestId('tasks-bell'));
    const sound = await screen.findByTestId('tasks-sound');
    expect(sound).toBeChecked();
    fireEvent.click(sound);
    expect(sound).not.toBeChecked();
    expect(window.localStorage.getItem('kvitka.tasks.muted')).toBe('on');

    state.summary = makeSummary({ open: 2, due_today: 2, newest_id: 12 });
    await act(() => queryClient.refetchQueries({ queryKey: ['tasks', 'summary'] }));
    expect(await screen.findByText('New task')).toBeInTheDocument();
    expect(playChime).not.toHaveBeenCalled();
  });

  it('lists overdue tasks in red, then today and later; completing one sends PATCH status done', async () => {
    const { state, calls } = serve();
    state.summary = makeSummary({ open: 3, overdue: 1, due_today: 1, newest_id: 9 });
    state.open = [
      makeTask({ id: 7, title: 'Call the client who did not come', kind: 'call_no_show', automatic: true, priority: 'high', due_at: inHours(-2), client_id: 17, client: { id: 17, name: 'Olena Kovalenko', first_name: 'Olena', last_name: 'Kovalenko', phone: '+380671234567' } }),
      makeTask({ id: 8, title: 'Order towels', due_at: inHours(24 * 3), assignee_user_id: 5 }),
      makeTask({ id: 9, title: "Confirm tomorrow's unconfirmed bookings (4)", kind: 'confirm_tomorrow', automatic: true, due_at: inHours(24 * 2), date: '2026-11-24', branch_id: 1, visit_count: 4 }),
    ];
    renderApp('/nowhere');
    fireEvent.click(await screen.findByTestId('tasks-bell'));
    const overdue = await screen.findByTestId('tasks-overdue');
    const task7 = within(overdue).getByTestId('task-7');
    expect(task7).toHaveAttribute('data-overdue', 'true');
    expect(within(task7).getByTestId('task-due')).toHaveTextContent(/^Overdue since/);
    expect(within(task7).getByTestId('task-priority')).toHaveTextContent('High');
    expect(within(task7).getByTestId('task-phone')).toHaveAttribute('href', 'tel:+380671234567');
    expect(within(task7).getByTestId('task-client')).toHaveAttribute('href', '/clients/17');
    const later = screen.getByTestId('tasks-later');
    expect(within(later).getAllByTestId(/^task-\d+$/).map((e) => e.dataset.testid)).toEqual(['task-9', 'task-8']);
    expect(within(screen.getByTestId('task-9')).getByTestId('task-journal')).toHaveAttribute('href', '/journal?date=2026-11-24&branch=1');
    expect(await within(screen.getByTestId('task-8')).findByTestId('task-assignee')).toHaveTextContent('For Iryna Master');

    fireEvent.click(screen.getByTestId('task-complete-7'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.url).toBe('/api/v1/tasks/7');
    expect(patch.body).toEqual({ status: 'done' });
    expect(patch.headers['x-csrf-token']).toBe('tok-1');
  });

  it('reopens a completed task', async () => {
    const { state, calls } = serve();
    state.done = [makeTask({ id: 21, title: 'Done already', status: 'done', done_at: inHours(-1) })];
    renderApp('/nowhere');
    fireEvent.click(await screen.findByTestId('tasks-bell'));
    expect(await screen.findByTestId('tasks-empty')).toHaveTextContent('No open tasks');
    fireEvent.click(screen.getByTestId('tasks-show-done'));
    fireEvent.click(await screen.findByTestId('task-reopen-21'));
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ status: 'open' }));
    expect(calls.find((c) => c.method === 'PATCH')!.url).toBe('/api/v1/tasks/21');
    expect(calls.some((c) => c.url === '/api/v1/tasks?status=done&limit=100')).toBe(true);
  });

  it('quick add shows what the server refused next to each field', async () => {
    const { calls } = serve('owner', (call) =>
      call.url === '/api/v1/tasks' && call.method === 'POST'
        ? problem({
            type: 'https://kvitka.app/problems/validation-failed',
            title: 'Validation failed',
            status: 422,
            code: 'validation-failed',
            errors: [
              { field: 'title', code: 'too_long', message: 'At most 200 characters.' },
              { field: 'assignee_user_id', code: 'not_found', message: 'Not found.' },
            ],
          })
        : null,
    );
    renderApp('/nowhere');
    fireEvent.click(await screen.findByTestId('tasks-bell'));
    fireEvent.click(await screen.findByTestId('tasks-add'));
    const form = await screen.findByTestId('task-form');

    // Nothing typed: asked for the title without a request.
    fireEvent.click(within(form).getByTestId('task-form-submit'));
    expect(await within(form).findByText('This field is required')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(within(form).getByTestId('task-form-title'), { target: { value: 'Replace the towels' } });
    fireEvent.change(within(form).getByTestId('task-form-due'), { target: { value: '2026-11-24T10:30' } });
    await within(form).findByRole('option', { name: 'Iryna Master' });
    fireEvent.change(within(form).getByTestId('task-form-assignee'), { target: { value: '5' } });
    fireEvent.click(within(form).getByTestId('task-form-submit'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ title: 'Replace the towels', due_at: '2026-11-24T08:30:00Z', priority: 'normal', assignee_user_id: 5 });
    expect(await within(form).findByText('Too long')).toBeInTheDocument();
    expect(within(form).getByText('Not found')).toBeInTheDocument();
  });

  it('adds a task and does not chime for the one who added it', async () => {
    const { state, calls } = serve('owner', (call) => {
      if (call.url === '/api/v1/tasks' && call.method === 'POST') {
        state.summary = makeSummary({ open: 2, due_today: 2, newest_id: 31 });
        return json(makeTask({ id: 31, title: (call.body as { title: string }).title }), 201);
      }
      return null;
    });
    state.summary = makeSummary({ open: 1, due_today: 1, newest_id: 30 });
    renderApp('/nowhere');
    await screen.findByTestId('tasks-badge');
    fireEvent.click(screen.getByTestId('tasks-bell'));
    fireEvent.click(await screen.findByTestId('tasks-add'));
    const form = await screen.findByTestId('task-form');
    fireEvent.change(within(form).getByTestId('task-form-title'), { target: { value: 'Buy flowers' } });
    fireEvent.click(within(form).getByTestId('task-form-submit'));
    await waitFor(() => expect(screen.getByTestId('tasks-badge')).toHaveTextContent('2'));
    expect(summaryCalls(calls).length).toBeGreaterThan(1);
    expect(playChime).not.toHaveBeenCalled();
  });

  it('a master sees only their own tasks and cannot add any', async () => {
    const { calls } = serve('master');
    renderApp('/nowhere');
    fireEvent.click(await screen.findByTestId('tasks-bell'));
    await screen.findByTestId('tasks-empty');
    expect(screen.queryByTestId('tasks-add')).not.toBeInTheDocument();
    expect(screen.queryByTestId('tasks-filter')).not.toBeInTheDocument();
    expect(calls.some((c) => c.url === '/api/v1/tasks?status=open&assignee=me&limit=100')).toBe(true);
    expect(calls.some((c) => c.url.startsWith('/api/v1/users'))).toBe(false);
  });

  it('speaks Ukrainian', async () => {
    await i18n.changeLanguage('uk');
    const session = sessionFor('owner');
    const { state } = serve('owner', (call) => (call.url === '/api/v1/me' ? json({ ...session, user: { ...session.user, locale: 'uk' } }) : null));
    state.summary = makeSummary({ open: 1, overdue: 1, newest_id: 2 });
    renderApp('/nowhere');
    await waitFor(() => expect(screen.getByTestId('tasks-bell')).toHaveAccessibleName('Нагадування: на черзі 1'));
    fireEvent.click(screen.getByTestId('tasks-bell'));
    expect(await screen.findByText('Додати завдання')).toBeInTheDocument();
    expect(screen.getByText('Звук')).toBeInTheDocument();
  });
});
