/** @jsxImportSource preact */
import { fireEvent, screen, waitFor, within } from '@testing-library/dom';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from './App';
import type { Lang } from './i18n';
import { BRANCH, booking, fakeApi, freezeNow, mount, problem, week } from './testing';

const TOKEN = '0123456789abcdef0123456789abcdef';

function open(lang: Lang = 'en') {
  return mount(<App route={{ slug: 'podil', token: TOKEN }} params={new URLSearchParams()} lang={lang} />);
}

const click = (id: string) => fireEvent.click(screen.getByTestId(id));

beforeEach(() => freezeNow());

describe('the manage page', () => {
  it('shows the booking in the branch time and cancels it after a confirmation', async () => {
    const api = fakeApi({
      [`GET /bookings/${TOKEN}`]: () => ({ body: { booking: booking(), slug: 'podil' } }),
      'GET /branches/podil': () => ({ body: BRANCH }),
      [`POST /bookings/${TOKEN}/cancel`]: () => ({ body: { booking: booking({ status: 'cancelled', can_cancel: false, can_reschedule: false }) } }),
    });
    localStorage.setItem('kvitka.booking.last.podil', JSON.stringify({ url: `http://h/b/podil/m/${TOKEN}`, start: '2025-11-24T12:30:00Z' }));
    open();
    const card = await screen.findByTestId('bm-booking');
    expect(screen.getByTestId('bp-branch-name')).toHaveTextContent('Kvitka Podil');
    expect(screen.getByTestId('bm-status')).toHaveTextContent('Confirmed');
    expect(screen.getByTestId('bm-when')).toHaveTextContent('Monday, November 24, 14:30');
    expect(card).toHaveTextContent('Manicure · Olena Koval');
    expect(within(card).getByRole('link', { name: 'Show on the map' })).toHaveAttribute(
      'href',
      'https://www.google.com/maps/search/?api=1&query=Kyiv%2C%20Sahaidachnoho%201',
    );
    expect(screen.queryByTestId('bm-deadline-note')).toBeNull();

    click('bm-cancel');
    expect(api.find('POST', `/bookings/${TOKEN}/cancel`)).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Reason (optional)'), { target: { value: 'Ill' } });
    click('bm-cancel-confirm');
    expect(await screen.findByTestId('bm-cancelled')).toHaveTextContent('The booking is cancelled.');
    expect(screen.getByTestId('bm-status')).toHaveTextContent('Cancelled');
    expect(api.find('POST', `/bookings/${TOKEN}/cancel`)[0]!.body).toEqual({ reason: 'Ill' });
    expect(screen.queryByTestId('bm-cancel')).toBeNull();
    expect(screen.queryByTestId('bm-deadline-note')).toBeNull();
    // The booking page no longer offers the cancelled booking.
    await waitFor(() => expect(localStorage.getItem('kvitka.booking.last.podil')).toBeNull());
  });

  it('past the deadline says whom to call, with no buttons', async () => {
    fakeApi({
      [`GET /bookings/${TOKEN}`]: () => ({
        body: { booking: booking({ can_cancel: false, can_reschedule: false, deadline: '2025-11-24T07:30:00Z' }), slug: 'podil' },
      }),
      'GET /branches/podil': () => ({ body: BRANCH }),
    });
    open('uk');
    const note = await screen.findByTestId('bm-deadline-note');
    expect(note).toHaveTextContent('Змінити запис онлайн можна було до понеділок, 24 листопада, 09:30');
    expect(within(note).getByRole('link')).toHaveAttribute('href', 'tel:+380441234567');
    expect(screen.queryByTestId('bm-cancel')).toBeNull();
    expect(screen.queryByTestId('bm-reschedule')).toBeNull();
  });

  it('shows the deadline problem when the deadline passed meanwhile', async () => {
    let closed = false;
    fakeApi({
      [`GET /bookings/${TOKEN}`]: () => ({
        body: { booking: closed ? booking({ can_cancel: false, can_reschedule: false, deadline: '2025-11-24T07:30:00Z' }) : booking(), slug: 'podil' },
      }),
      'GET /branches/podil': () => ({ body: BRANCH }),
      [`POST /bookings/${TOKEN}/cancel`]: () => {
        closed = true;
        return problem(409, 'deadline-passed', 'Too late to cancel online', 'Call +380 44 123 45 67');
      },
    });
    open();
    fireEvent.click(await screen.findByTestId('bm-cancel'));
    click('bm-cancel-confirm');
    expect(await screen.findByTestId('bp-error')).toHaveTextContent('Too late to cancel online Call +380 44 123 45 67');
    expect(await screen.findByTestId('bm-deadline-note')).toBeInTheDocument();
  });

  it('moves the booking to a real free time of the same services and master', async () => {
    const moved = booking({ start: '2025-11-26T07:00:00Z', end: '2025-11-26T08:00:00Z' });
    const api = fakeApi({
      [`GET /bookings/${TOKEN}`]: () => ({ body: { booking: booking(), slug: 'podil' } }),
      'GET /branches/podil': () => ({ body: BRANCH }),
      'GET /branches/podil/availability': (c) => ({ body: week(c.query.get('from')!) }),
      [`POST /bookings/${TOKEN}/reschedule`]: () => ({ body: { booking: moved } }),
    });
    open();
    fireEvent.click(await screen.findByTestId('bm-reschedule'));
    expect(screen.getByTestId('bm-reschedule-confirm')).toBeDisabled();
    await screen.findByTestId('bp-slot-14:00');
    click('bp-day-2025-11-26');
    click('bp-slot-09:00');
    expect(screen.getByTestId('bm-reschedule-confirm')).toHaveTextContent('Move to Wednesday, November 26, 09:00');
    click('bm-reschedule-confirm');
    expect(await screen.findByTestId('bm-notice')).toHaveTextContent('The booking is moved to Wednesday, November 26, 09:00.');
    expect(screen.getByTestId('bm-when')).toHaveTextContent('Wednesday, November 26, 09:00');
    const avail = api.find('GET', '/branches/podil/availability')[0]!;
    expect(avail.query.get('service_ids')).toBe('10');
    expect(avail.query.get('staff_id')).toBe('3');
    expect(api.find('POST', `/bookings/${TOKEN}/reschedule`)[0]!.body).toEqual({ start: '2025-11-26T07:00:00Z' });
  });

  it('says the booking is not found for a wrong link', async () => {
    fakeApi({ [`GET /bookings/${TOKEN}`]: () => problem(404, 'booking-not-found', 'Not found') });
    open();
    expect(await screen.findByTestId('bp-error')).toHaveTextContent('The booking was not found. Please check the link.');
  });
});
