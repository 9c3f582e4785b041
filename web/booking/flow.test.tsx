/** @jsxImportSource preact */
import { fireEvent, screen, waitFor, within } from '@testing-library/dom';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from './App';
import type { Lang } from './i18n';
import { BRANCH, booking, fakeApi, freezeNow, mount, problem, week } from './testing';

const MANAGE_URL = 'http://localhost/b/podil/m/0123456789abcdef0123456789abcdef';

function routes(extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    'GET /branches/podil': () => ({ body: BRANCH }),
    'GET /branches/podil/availability': (c) => ({ body: week(c.query.get('from')!) }),
    'POST /branches/podil/bookings': () => ({
      status: 201,
      body: { booking: booking(), manage_token: '0123456789abcdef0123456789abcdef', manage_url: MANAGE_URL },
    }),
    ...extra,
  });
}

function open(search = '', lang: Lang = 'en') {
  const params = new URLSearchParams(search);
  return mount(<App route={{ slug: 'podil', token: null }} params={params} lang={lang} />);
}

const click = (id: string) => fireEvent.click(screen.getByTestId(id));
const type = (id: string, value: string) => fireEvent.input(screen.getByTestId(id), { target: { value } });

/** Services -> master -> the times of the first day. */
async function toTimes(master = 'bp-master-3') {
  fireEvent.click(await screen.findByTestId('bp-service-10'));
  click('bp-next');
  fireEvent.click(await screen.findByTestId(master));
  click('bp-next');
  await screen.findByTestId('bp-slot-14:00');
}

beforeEach(() => freezeNow());

describe('the booking flow', () => {
  it('books services, a master, a day and a time, the details, then shows the manage link', async () => {
    const api = routes();
    open();
    expect(await screen.findByText('Kvitka Podil')).toHaveAttribute('data-testid', 'bp-branch-name');

    // Services grouped by category, with durations and prices.
    const manicure = await screen.findByTestId('bp-service-10');
    expect(manicure).toHaveTextContent('Manicure');
    expect(manicure.textContent!.replace(/[\u00a0\u202f]/g, ' ')).toContain('1 h · ₴800 – ₴1,200');
    expect(screen.getByRole('heading', { name: 'Nails' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Other services' })).toBeInTheDocument();
    expect(screen.getByTestId('bp-next')).toBeDisabled();
    fireEvent.click(manicure);
    expect(manicure).toHaveAttribute('aria-pressed', 'true');
    click('bp-next');

    // Masters who do the service, "any master" chosen by default. The new step's
    // heading takes the focus (keyboard and screen reader users start there).
    expect(await screen.findByTestId('bp-master-any')).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Master' })));
    expect(screen.getByText('Step 2 of 5: Master')).toBeInTheDocument();
    expect(screen.getByTestId('bp-master-3')).toHaveTextContent('Olena Koval');
    expect(screen.getByTestId('bp-master-4')).toHaveTextContent('Iryna Bondar');
    const about = screen.getByRole('button', { name: 'About' });
    expect(screen.getByText('Ten years of nails.')).not.toBeVisible();
    fireEvent.click(about);
    expect(about).toHaveAttribute('aria-expanded', 'true');
    fireEvent.click(screen.getByTestId('bp-master-3'));
    click('bp-next');

    // The first day's times at once, in Kyiv time, labelled so.
    expect(await screen.findByTestId('bp-slot-14:00')).toBeInTheDocument();
    expect(screen.getByTestId('bp-slot-14:30')).toBeInTheDocument();
    expect(screen.getByTestId('bp-tz-note')).toHaveTextContent('Kyiv (Europe/Kyiv)');
    expect(screen.getByTestId('bp-day-2025-11-24')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('bp-day-2025-11-25')).toBeDisabled();
    const avail = api.find('GET', '/branches/podil/availability');
    expect(avail.at(-1)!.query.get('from')).toBe('2025-11-24');
    expect(avail.at(-1)!.query.get('to')).toBe('2025-11-30');
    expect(avail.at(-1)!.query.get('service_ids')).toBe('10');
    expect(avail.at(-1)!.query.get('staff_id')).toBe('3');

    // Another day, then back.
    click('bp-day-2025-11-26');
    expect(await screen.findByTestId('bp-slot-09:00')).toBeInTheDocument();
    click('bp-day-2025-11-24');
    expect(screen.getByTestId('bp-next')).toBeDisabled();
    click('bp-slot-14:30');
    click('bp-next');

    // Details: required fields are checked here first.
    await screen.findByTestId('bp-name');
    click('bp-next');
    expect(await screen.findByText('Please fill this in.', { selector: '#bp-name-err' })).toBeInTheDocument();
    expect(screen.getByTestId('bp-name')).toHaveAttribute('aria-invalid', 'true');
    type('bp-name', 'Oksana');
    type('bp-phone', '+380 67 123 45 67');
    type('bp-comment', 'Short nails');
    const honeypot = document.querySelector<HTMLInputElement>('input[name="website"]')!;
    expect(honeypot.tabIndex).toBe(-1);
    expect(honeypot.closest('[aria-hidden="true"]')).not.toBeNull();
    click('bp-next');

    // Confirm.
    const summary = await screen.findByTestId('bp-summary');
    expect(summary).toHaveTextContent('Manicure');
    expect(summary).toHaveTextContent('Olena Koval');
    expect(summary).toHaveTextContent('Monday, November 24, 14:30');
    expect(summary).toHaveTextContent('Oksana');
    click('bp-confirm');

    const done = await screen.findByTestId('bp-done');
    expect(done).toHaveTextContent('Confirmed');
    expect(screen.getByTestId('bp-manage-link')).toHaveAttribute('href', MANAGE_URL);
    expect(screen.getByTestId('bp-ics').getAttribute('href')).toMatch(/^data:text\/calendar/);

    const [post] = api.find('POST', '/branches/podil/bookings');
    expect(post!.body).toEqual({
      service_ids: [10],
      staff_id: 3,
      start: '2025-11-24T12:30:00Z',
      client: { name: 'Oksana', phone: '+380 67 123 45 67' },
      comment: 'Short nails',
      language: 'en',
      website: '',
    });
    expect(post!.headers['Idempotency-Key']).toMatch(/^[\x21-\x7e]{8,100}$/);
    expect(post!.headers['Accept-Language']).toBe('en');
  });

  it('books several services with any master (no staff_id) and shows a waiting status', async () => {
    const api = routes({
      'POST /branches/podil/bookings': () => ({
        status: 201,
        body: { booking: booking({ status: 'booked' }), manage_token: 'x', manage_url: MANAGE_URL },
      }),
    });
    open();
    fireEvent.click(await screen.findByTestId('bp-service-10'));
    click('bp-service-12');
    expect(screen.getByText(/Chosen: 2/)).toBeInTheDocument();
    click('bp-next');
    // Only Iryna does both.
    await screen.findByTestId('bp-master-any');
    expect(screen.queryByTestId('bp-master-3')).toBeNull();
    expect(screen.getByTestId('bp-master-4')).toBeInTheDocument();
    click('bp-next');
    click((await screen.findByTestId('bp-slot-14:00')).dataset.testid!);
    click('bp-next');
    type('bp-name', 'Oksana');
    type('bp-phone', '0671234567');
    click('bp-next');
    click((await screen.findByTestId('bp-confirm')).dataset.testid!);
    expect(await screen.findByTestId('bp-done')).toHaveTextContent("Waiting for the salon's confirmation");
    const [post] = api.find('POST', '/branches/podil/bookings');
    expect(post!.body).toMatchObject({ service_ids: [10, 12], start: '2025-11-24T12:00:00Z' });
    expect(post!.body).not.toHaveProperty('staff_id');
    const avail = api.find('GET', '/branches/podil/availability');
    expect(avail.every((c) => c.query.get('service_ids') === '10,12' && !c.query.has('staff_id'))).toBe(true);
  });

  it('hides "any master" when a master is required', async () => {
    routes({ 'GET /branches/podil': () => ({ body: { ...BRANCH, rules: { ...BRANCH.rules, master_required: true } } }) });
    open();
    fireEvent.click(await screen.findByTestId('bp-service-10'));
    click('bp-next');
    await screen.findByTestId('bp-master-3');
    expect(screen.queryByTestId('bp-master-any')).toBeNull();
    expect(screen.getByTestId('bp-next')).toBeDisabled();
    click('bp-master-4');
    expect(screen.getByTestId('bp-next')).toBeEnabled();
  });

  it('opens at the times for ?service= and ?staff= (one request for the week)', async () => {
    const api = routes();
    open('service=10&staff=4');
    expect(await screen.findByTestId('bp-slot-14:00')).toBeInTheDocument();
    const avail = api.find('GET', '/branches/podil/availability');
    expect(avail).toHaveLength(1);
    expect(avail[0]!.query.get('staff_id')).toBe('4');
  });

  it('says so when a day has no times and skips empty weeks at first', async () => {
    const api = routes({
      'GET /branches/podil/availability': (c) => {
        const from = c.query.get('from')!;
        if (from === '2025-11-24') return { body: { timezone: 'Europe/Kyiv', days: [{ date: '2025-11-24', slots: [] }] } };
        return { body: { timezone: 'Europe/Kyiv', days: [{ date: '2025-12-02', slots: [{ start: '2025-12-02T09:00:00Z', staff_id: 3 }] }] } };
      },
    });
    open('service=10');
    expect(await screen.findByTestId('bp-slot-11:00')).toBeInTheDocument();
    expect(screen.getByTestId('bp-day-2025-12-02')).toHaveAttribute('aria-pressed', 'true');
    expect(api.find('GET', '/branches/podil/availability').map((c) => c.query.get('from'))).toEqual(['2025-11-24', '2025-12-01']);
    click('bp-day-2025-12-01');
    // Days without times are disabled: the click does nothing.
    expect(screen.getByTestId('bp-day-2025-12-01')).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Previous week' }));
    expect(await screen.findByTestId('bp-no-slots')).toHaveTextContent('No free times this week.');
  });

  it('shows the server problem when booking is refused', async () => {
    routes({
      'POST /branches/podil/bookings': () =>
        problem(409, 'too-many-bookings', 'Too many bookings', 'You already have 3 bookings. Call +380 44 123 45 67.'),
    });
    open();
    await toTimes();
    click('bp-slot-14:30');
    click('bp-next');
    type('bp-name', 'Oksana');
    type('bp-phone', '+380671234567');
    click('bp-next');
    click((await screen.findByTestId('bp-confirm')).dataset.testid!);
    const alert = await screen.findByTestId('bp-error');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent('Too many bookings');
    expect(alert).toHaveTextContent('You already have 3 bookings. Call +380 44 123 45 67.');
    expect(screen.getByTestId('bp-confirm')).toBeEnabled();
  });

  it('reloads the times when the slot was taken meanwhile, and sends a new key for the new choice', async () => {
    let n = 0;
    const api = routes({
      'POST /branches/podil/bookings': () =>
        ++n === 1
          ? problem(409, 'slot-taken', 'This time was just taken')
          : { status: 201, body: { booking: booking(), manage_token: 'x', manage_url: MANAGE_URL } },
    });
    open();
    await toTimes();
    const before = api.find('GET', '/branches/podil/availability').length;
    click('bp-slot-14:30');
    click('bp-next');
    type('bp-name', 'Oksana');
    type('bp-phone', '+380671234567');
    click('bp-next');
    click((await screen.findByTestId('bp-confirm')).dataset.testid!);

    // Back at the times, freshly loaded, with the reason.
    expect(await screen.findByTestId('bp-error')).toHaveTextContent('This time was just taken');
    expect(screen.getByTestId('bp-error')).toHaveTextContent('Choose another time.');
    await waitFor(() => expect(api.find('GET', '/branches/podil/availability').length).toBeGreaterThan(before));
    expect(await screen.findByTestId('bp-slot-14:00')).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByTestId('bp-next')).toBeDisabled();

    click('bp-slot-14:00');
    click('bp-next');
    click((await screen.findByTestId('bp-next')).dataset.testid!);
    click((await screen.findByTestId('bp-confirm')).dataset.testid!);
    await screen.findByTestId('bp-done');
    const posts = api.find('POST', '/branches/podil/bookings');
    expect(posts).toHaveLength(2);
    expect(posts[0]!.headers['Idempotency-Key']).not.toBe(posts[1]!.headers['Idempotency-Key']);
  });

  it('puts the server field errors next to the fields', async () => {
    routes({
      'POST /branches/podil/bookings': () =>
        problem(422, 'validation-failed', 'Check the fields', '', [
          { field: 'client.phone', code: 'invalid_phone' },
          { field: 'client.email', code: 'invalid_email' },
        ]),
    });
    open('service=10');
    click((await screen.findByTestId('bp-slot-14:30')).dataset.testid!);
    click('bp-next');
    type('bp-name', 'Oksana');
    type('bp-phone', '+380 99 999 99 99');
    click('bp-next');
    click((await screen.findByTestId('bp-confirm')).dataset.testid!);
    expect(await screen.findByText('Enter a phone number, for example +380 67 123 45 67.')).toHaveAttribute('id', 'bp-phone-err');
    expect(screen.getByTestId('bp-phone')).toHaveAttribute('aria-describedby', 'bp-phone-err');
    expect(screen.getByText('Enter a valid email address.')).toBeInTheDocument();
    expect(screen.getByTestId('bp-error')).toHaveTextContent('Check the fields');
  });

  it('sends the waitlist request with preferred days and hours', async () => {
    const api = routes({ 'POST /branches/podil/waitlist': () => ({ status: 201, body: { status: 'waiting' } }) });
    open();
    await toTimes();
    click('bp-waitlist-open');
    const form = await screen.findByTestId('bp-waitlist-form');
    fireEvent.input(within(form).getByLabelText('Not earlier than'), { target: { value: '17:00' } });
    fireEvent.input(within(form).getByLabelText('Name'), { target: { value: 'Oksana' } });
    fireEvent.input(within(form).getByLabelText('Phone'), { target: { value: '+380671234567' } });
    click('bp-waitlist-submit');
    expect(await screen.findByTestId('bp-waitlist-done')).toBeInTheDocument();
    const [post] = api.find('POST', '/branches/podil/waitlist');
    expect(post!.body).toEqual({
      service_ids: [10],
      staff_id: 3,
      dates: { from: '2025-11-24', to: '2025-11-30' },
      time_from: '17:00',
      client: { name: 'Oksana', phone: '+380671234567' },
      website: '',
    });
  });

  it('offers "Book again" to a returning visitor: four taps to booked', async () => {
    localStorage.setItem(
      'kvitka.booking.memory.podil',
      JSON.stringify({ serviceIds: [10], staffId: 3, name: 'Oksana', phone: '+380671234567', email: '' }),
    );
    const api = routes();
    open();
    const again = await screen.findByTestId('bp-repeat');
    expect(again).toHaveTextContent('Manicure with Olena Koval');
    fireEvent.click(again); // 1
    fireEvent.click(await screen.findByTestId('bp-slot-14:30')); // 2
    click('bp-next'); // 3: the details are known, straight to the summary
    expect(await screen.findByTestId('bp-summary')).toHaveTextContent('Oksana');
    click('bp-confirm'); // 4
    await screen.findByTestId('bp-done');
    expect(api.find('POST', '/branches/podil/bookings')[0]!.body).toMatchObject({ service_ids: [10], staff_id: 3, client: { name: 'Oksana' } });
  });

  it('remembers the visitor after booking', async () => {
    routes();
    open('service=10&staff=3');
    click((await screen.findByTestId('bp-slot-14:30')).dataset.testid!);
    click('bp-next');
    type('bp-name', 'Oksana');
    type('bp-phone', '+380671234567');
    click('bp-next');
    click((await screen.findByTestId('bp-confirm')).dataset.testid!);
    await screen.findByTestId('bp-done');
    expect(JSON.parse(localStorage.getItem('kvitka.booking.memory.podil')!)).toMatchObject({ serviceIds: [10], staffId: 3, name: 'Oksana' });
    expect(JSON.parse(localStorage.getItem('kvitka.booking.last.podil')!)).toEqual({ url: MANAGE_URL, start: '2025-11-24T12:30:00Z' });
  });

  it('switches the language, remembers it and asks the server in it', async () => {
    const api = routes();
    open('', 'en');
    await screen.findByTestId('bp-service-10');
    expect(screen.getByTestId('bp-next')).toHaveTextContent('Continue');
    fireEvent.change(screen.getByTestId('bp-lang'), { target: { value: 'uk' } });
    expect(screen.getByTestId('bp-next')).toHaveTextContent('Далі');
    expect(document.documentElement.lang).toBe('uk');
    expect(localStorage.getItem('kvitka.booking.lang')).toBe('uk');
    click('bp-service-10');
    click('bp-next');
    click((await screen.findByTestId('bp-next')).dataset.testid!);
    expect(await screen.findByTestId('bp-tz-note')).toHaveTextContent('Час місцевий для салону: Київ (Europe/Kyiv).');
    expect(api.find('GET', '/branches/podil/availability').at(-1)!.headers['Accept-Language']).toBe('uk');
  });

  it('says the salon is not found, or that online booking is closed', async () => {
    fakeApi({ 'GET /branches/podil': () => problem(404, 'branch-not-found', 'Not found') });
    open();
    expect(await screen.findByTestId('bp-error')).toHaveTextContent('This salon was not found');
  });

  it('shows whom to call when online booking is closed', async () => {
    fakeApi({ 'GET /branches/podil': () => ({ body: { ...BRANCH, rules: { ...BRANCH.rules, enabled: false }, services: [], masters: [], categories: [] } }) });
    open();
    const closed = await screen.findByTestId('bp-closed');
    expect(closed).toHaveTextContent('Online booking is closed for now.');
    expect(within(closed).getByRole('link', { name: '+380 44 123 45 67' })).toHaveAttribute('href', 'tel:+380441234567');
  });
});
