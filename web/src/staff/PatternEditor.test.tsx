import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetApiClient } from '../app/api';
import { sessionFor } from '../clients/testFixtures';
import i18n from '../i18n';
import { json, mockFetch, problem, type RecordedCall } from '../test/fetchMock';
import { renderApp } from '../test/render';
import { catalogAnswers, SCHEDULE } from './testFixtures';
import type { Schedule } from './types';

// jsdom has no PointerEvent: a MouseEvent with a pointer type stands in for it.
if (!('PointerEvent' in window)) {
  class PointerEventStub extends MouseEvent {
    readonly pointerType: string;
    constructor(type: string, init: PointerEventInit = {}) {
      super(type, init);
      this.pointerType = init.pointerType ?? 'mouse';
    }
  }
  Object.defineProperty(window, 'PointerEvent', { value: PointerEventStub, writable: true });
}

beforeEach(async () => {
  resetApiClient();
  await i18n.changeLanguage('en');
  // Only Date is faked: "today" is Sunday 2026-11-22 in Kyiv.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-22T10:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function serve(put: (body: Schedule) => Response = (body) => json(body)) {
  return mockFetch((call: RecordedCall) => {
    if (call.url === '/api/v1/me') return json(sessionFor('manager'));
    if (call.method === 'PUT' && call.url === '/api/v1/staff/3/schedule') return put(call.body as Schedule);
    return catalogAnswers(call) ?? json({});
  });
}

const change = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const puts = (calls: RecordedCall[]) => calls.filter((c) => c.method === 'PUT');

describe('pattern editor', () => {
  it('puts a weekly pattern with a break next to the existing one, keeping exceptions', async () => {
    const { calls } = serve();
    renderApp('/staff/3?tab=schedule');
    const kind = await screen.findByTestId('pattern-kind');
    // It starts from the pattern in effect, from today.
    expect(kind).toHaveValue('weekly');
    expect(screen.getByTestId('pattern-valid-from')).toHaveValue('2026-11-22');
    expect(screen.getByTestId('pattern-weekday-0-start')).toHaveValue('09:00');

    change('pattern-weekday-0-start', '10:00');
    change('pattern-weekday-0-end', '19:00');
    change('pattern-weekday-0-break-0-start', '13:30');
    change('pattern-weekday-0-break-0-end', '14:00');
    fireEvent.click(screen.getByTestId('pattern-weekday-1-add-break'));
    fireEvent.click(screen.getByTestId('pattern-weekday-4-off'));
    fireEvent.click(screen.getByTestId('pattern-weekday-5-off'));
    change('pattern-weekday-5-start', '10:00');
    change('pattern-weekday-5-end', '02:00');
    expect(screen.getByText('Ends the next day')).toBeInTheDocument();
    change('pattern-valid-from', '2026-12-01');
    fireEvent.click(screen.getByTestId('pattern-apply'));

    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    const body = puts(calls)[0].body as Schedule;
    expect(body.exceptions).toEqual(SCHEDULE.exceptions);
    expect(body.patterns).toHaveLength(2);
    expect(body.patterns[0]).toEqual(SCHEDULE.patterns[0]);
    expect(body.patterns[1]).toEqual({
      kind: 'weekly',
      valid_from: '2026-12-01',
      valid_until: null,
      weekdays: [
        [
          { start: '10:00', end: '13:30' },
          { start: '14:00', end: '19:00' },
        ],
        [
          { start: '09:00', end: '13:00' },
          { start: '14:00', end: '16:00' },
          { start: '17:00', end: '18:00' },
        ],
        [
          { start: '09:00', end: '13:00' },
          { start: '14:00', end: '18:00' },
        ],
        [
          { start: '09:00', end: '13:00' },
          { start: '14:00', end: '18:00' },
        ],
        [],
        [{ start: '10:00', end: '02:00' }],
        [],
      ],
    });
  });

  it('builds a 3-on-1-off cycle', async () => {
    const { calls } = serve();
    renderApp('/staff/3?tab=schedule');
    fireEvent.change(await screen.findByTestId('pattern-kind'), { target: { value: 'cycle' } });
    change('pattern-cycle-on', '3');
    change('pattern-cycle-off', '1');
    expect(screen.getByText('Cycle of 4 days')).toBeInTheDocument();
    change('pattern-cycle-0-start', '08:00');
    change('pattern-cycle-0-end', '20:00');
    fireEvent.click(screen.getByTestId('pattern-apply'));
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    const added = (puts(calls)[0].body as Schedule).patterns[1];
    expect(added).toEqual({
      kind: 'cycle',
      valid_from: '2026-11-22',
      valid_until: null,
      cycle: [[{ start: '08:00', end: '20:00' }], [{ start: '09:00', end: '21:00' }], [{ start: '09:00', end: '21:00' }], []],
    });
  });

  it('refuses a break outside the hours without asking the server', async () => {
    const { calls } = serve();
    renderApp('/staff/3?tab=schedule');
    await screen.findByTestId('pattern-kind');
    change('pattern-weekday-2-break-0-start', '19:00');
    change('pattern-weekday-2-break-0-end', '19:30');
    fireEvent.click(screen.getByTestId('pattern-apply'));
    expect(await screen.findByText('The break must be inside the working hours')).toBeInTheDocument();
    expect(screen.getByTestId('pattern-errors')).toBeInTheDocument();
    expect(puts(calls)).toHaveLength(0);
  });

  it('shows the server field errors on the day they name', async () => {
    serve(() =>
      problem({
        status: 422,
        code: 'validation-failed',
        title: 'Validation failed',
        errors: [{ field: 'patterns[1].weekdays[2][1]', code: 'overlapping_intervals', message: 'overlap' }],
      }),
    );
    renderApp('/staff/3?tab=schedule');
    await screen.findByTestId('pattern-kind');
    change('pattern-valid-from', '2026-12-01');
    fireEvent.click(screen.getByTestId('pattern-apply'));
    const wednesday = screen.getByTestId('pattern-weekday-2');
    expect(await within(wednesday).findByText('The times overlap')).toBeInTheDocument();
    expect(screen.getByText('Please correct the highlighted fields.')).toBeInTheDocument();
  });
});

describe('schedule month', () => {
  it('shows each day’s hours in the branch zone, Monday first', async () => {
    serve();
    renderApp('/staff/3?tab=schedule');
    const month = await screen.findByTestId('schedule-month');
    expect(screen.getByTestId('schedule-month-title')).toHaveTextContent('November 2026');
    await waitFor(() => expect(screen.getByTestId('schedule-day-2026-11-23')).toHaveTextContent('09:00–13:00'));
    expect(screen.getByTestId('schedule-day-2026-11-23')).toHaveTextContent('14:00–18:00');
    expect(screen.getByTestId('schedule-day-2026-11-24')).toHaveTextContent('09:00–18:00');
    expect(screen.getByTestId('schedule-day-2026-11-24')).toHaveAttribute('data-state', 'work');
    expect(screen.getByTestId('schedule-day-2026-11-29')).toHaveAttribute('data-state', 'off');
    await waitFor(() => expect(screen.getByTestId('schedule-day-2026-11-30')).toHaveAttribute('data-exception', 'true'));
    // Leading days of October and trailing days of December fill the weeks.
    const cells = within(month).getAllByRole('button');
    expect(cells[0]).toHaveAttribute('data-testid', 'schedule-day-2026-10-26');
    expect(cells[cells.length - 1]).toHaveAttribute('data-testid', 'schedule-day-2026-12-06');
  });

  it('paints a shift-clicked range as days off', async () => {
    const { calls } = serve();
    renderApp('/staff/3?tab=schedule');
    await screen.findByTestId('schedule-month');
    fireEvent.pointerDown(screen.getByTestId('schedule-day-2026-11-25'), { button: 0, pointerType: 'mouse' });
    fireEvent.pointerDown(screen.getByTestId('schedule-day-2026-11-27'), { button: 0, pointerType: 'mouse', shiftKey: true });
    expect(screen.getByTestId('schedule-selection')).toHaveTextContent('(3 d.)');
    fireEvent.click(screen.getByTestId('paint-mode-off'));
    fireEvent.click(screen.getByTestId('schedule-paint-apply'));
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    expect((puts(calls)[0].body as Schedule).exceptions).toEqual([
      { date: '2026-11-25', intervals: [] },
      { date: '2026-11-26', intervals: [] },
      { date: '2026-11-27', intervals: [] },
      { date: '2026-11-30', intervals: [] },
    ]);
  });
});
