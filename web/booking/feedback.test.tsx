/** @jsxImportSource preact */
import { fireEvent, screen, waitFor, within } from '@testing-library/dom';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PublicFeedback } from './api';
import { App, parseRoute } from './App';
import { feedbackTexts } from './feedbackTexts';
import type { Lang } from './i18n';
import { LANGS } from './i18n';
import { fakeApi, freezeNow, mount, problem } from './testing';

const TOKEN = '0123456789abcdef0123456789abcdef';
const PATH = `/feedback/${TOKEN}`;

function visit(over: Partial<PublicFeedback> = {}): PublicFeedback {
  return {
    salon: { name: 'Kvitka' },
    branch: { slug: 'podil', name: 'Kvitka Podil', address: 'Kyiv, Sahaidachnoho 1', phone: '+380 44 123 45 67', timezone: 'Europe/Kyiv' },
    visit: {
      status: 'completed',
      start: '2025-11-24T12:30:00Z',
      end: '2025-11-24T13:30:00Z',
      local_start: '2025-11-24T14:30:00+02:00',
      timezone: 'Europe/Kyiv',
      client_first_name: 'Oksana',
      items: [{ service_name: 'Manicure', staff_name: 'Olena Koval', start: '2025-11-24T12:30:00Z', end: '2025-11-24T13:30:00Z' }],
    },
    feedback: null,
    open: true,
    closed_reason: null,
    closes_at: '2025-12-24T13:30:00Z',
    can_answer: true,
    ...over,
  };
}

const given = (over: Partial<NonNullable<PublicFeedback['feedback']>> = {}) => ({
  rating: 5,
  nps: 9,
  comment: 'Lovely',
  created_at: '2025-11-24T15:00:00Z',
  updated_at: '2025-11-24T15:00:00Z',
  editable_until: '2025-11-25T15:00:00Z',
  can_edit: true,
  ...over,
});

function open(lang: Lang = 'en') {
  return mount(<App route={{ slug: 'podil', token: null, feedback: TOKEN }} params={new URLSearchParams()} lang={lang} />);
}

beforeEach(() => freezeNow(new Date('2025-11-24T16:00:00Z')));

describe('the feedback route', () => {
  it('is /b/{slug}/f/{token}', () => {
    expect(parseRoute(`/b/podil/f/${TOKEN}`, new URLSearchParams())).toEqual({ slug: 'podil', token: null, feedback: TOKEN });
    expect(parseRoute(`/b/podil/f/${TOKEN}/`, new URLSearchParams())).toEqual({ slug: 'podil', token: null, feedback: TOKEN });
    expect(parseRoute(`/b/podil/m/${TOKEN}`, new URLSearchParams())).toEqual({ slug: 'podil', token: TOKEN });
    expect(parseRoute('/booking.html', new URLSearchParams(`branch=podil&feedback=${TOKEN}`)).feedback).toBe(TOKEN);
  });
});

describe('the feedback form', () => {
  it('shows the visit and sends stars, NPS and a comment; then thanks and offers a change', async () => {
    const api = fakeApi({
      [`GET ${PATH}`]: () => ({ body: visit() }),
      [`POST ${PATH}`]: (c) => ({ status: 201, body: visit({ feedback: given({ ...(c.body as object), nps: 8 }) }) }),
    });
    open();
    const form = await screen.findByTestId('bf-form');
    expect(screen.getByTestId('bp-branch-name')).toHaveTextContent('Kvitka Podil');
    expect(screen.getByTestId('bf-visit')).toHaveTextContent('Hello, Oksana!');
    expect(screen.getByTestId('bf-when')).toHaveTextContent('Your visit: Monday, November 24, 14:30');
    expect(screen.getByTestId('bf-visit')).toHaveTextContent('Manicure · Olena Koval');

    // No stars yet: the form asks for them and sends nothing.
    fireEvent.click(screen.getByTestId('bf-send'));
    expect(await within(form).findByText('Please choose from 1 to 5 stars.')).toBeInTheDocument();
    expect(api.find('POST', PATH)).toHaveLength(0);

    // The stars are a radio group: each has a name, the keyboard moves between them.
    const stars = within(screen.getByTestId('bf-stars')).getAllByRole('radio');
    expect(stars).toHaveLength(5);
    expect(screen.getByRole('radio', { name: '4 of 5 stars, Good' })).toBe(stars[3]);
    fireEvent.click(stars[3]!);
    expect(stars[3]).toBeChecked();
    expect(screen.queryByText('Please choose from 1 to 5 stars.')).toBeNull();
    expect(screen.getByRole('group', { name: 'Rate the visit' })).toBeInTheDocument();

    const nps = within(screen.getByTestId('bf-nps')).getAllByRole('radio');
    expect(nps.map((r) => (r as HTMLInputElement).value)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    fireEvent.click(nps[3]!);
    fireEvent.click(screen.getByTestId('bf-nps-clear'));
    expect(nps.some((r) => (r as HTMLInputElement).checked)).toBe(false);
    fireEvent.click(nps[8]!);
    fireEvent.input(screen.getByLabelText('Comment (optional)'), { target: { value: '  Lovely, thank you  ' } });
    fireEvent.click(screen.getByTestId('bf-send'));

    expect(await screen.findByTestId('bf-thanks')).toHaveTextContent('Thank you for your feedback!');
    expect(api.find('POST', PATH)[0]!.body).toEqual({ rating: 4, nps: 8, comment: 'Lovely, thank you' });
    const answer = screen.getByTestId('bf-answer');
    expect(answer).toHaveTextContent('Good');
    expect(answer).toHaveTextContent('Would recommend: 8 of 10');
    expect(answer).toHaveTextContent('Lovely, thank you');
    expect(answer).toHaveTextContent('You can change it until Tuesday, November 25, 17:00.');
    expect(screen.queryByTestId('bf-form')).toBeNull();

    // Changing it opens the form with the answer given.
    fireEvent.click(screen.getByTestId('bf-edit'));
    expect(screen.getByRole('radio', { name: '4 of 5 stars, Good' })).toBeChecked();
    expect(screen.getByLabelText('Comment (optional)')).toHaveValue('Lovely, thank you');
    expect(screen.getByTestId('bf-send')).toHaveTextContent('Save the changes');
  });

  it('an answer given earlier is shown with a way to change it within 24 hours', async () => {
    fakeApi({ [`GET ${PATH}`]: () => ({ body: visit({ feedback: given({ rating: 2, nps: null, comment: '' }) }) }) });
    open('uk');
    expect(await screen.findByTestId('bf-note')).toHaveTextContent('Ви вже оцінили цей візит.');
    expect(screen.getByTestId('bf-answer')).toHaveTextContent('Погано');
    expect(screen.queryByTestId('bf-form')).toBeNull();
    fireEvent.click(screen.getByTestId('bf-edit'));
    expect(screen.getByRole('radio', { name: '2 з 5 зірок, Погано' })).toBeChecked();
  });

  it('after 24 hours the answer stays and cannot be changed', async () => {
    fakeApi({
      [`GET ${PATH}`]: () => ({ body: visit({ can_answer: false, feedback: given({ can_edit: false }) }) }),
    });
    open('ru');
    expect(await screen.findByTestId('bf-note')).toHaveTextContent('Ответ уже нельзя изменить.');
    expect(screen.getByTestId('bf-answer')).toHaveTextContent('Отлично');
    expect(screen.queryByTestId('bf-edit')).toBeNull();
  });

  it('is closed before the visit is over and 30 days after it, saying whom to call', async () => {
    fakeApi({ [`GET ${PATH}`]: () => ({ body: visit({ open: false, can_answer: false, closed_reason: 'not_completed' }) }) });
    open();
    const note = await screen.findByTestId('bf-note');
    expect(note).toHaveTextContent('You can rate the visit once it is over.');
    expect(within(note).getByRole('link')).toHaveAttribute('href', 'tel:+380441234567');
    expect(screen.queryByTestId('bf-form')).toBeNull();
  });

  it('expired', async () => {
    fakeApi({ [`GET ${PATH}`]: () => ({ body: visit({ open: false, can_answer: false, closed_reason: 'expired' }) }) });
    open('uk');
    expect(await screen.findByTestId('bf-note')).toHaveTextContent('Відгуки про цей візит уже не приймаються.');
  });

  it('an unknown link says so', async () => {
    fakeApi({ [`GET ${PATH}`]: () => problem(404, 'feedback-link-not-found', 'This feedback link is not valid.') });
    open();
    expect(await screen.findByTestId('bf-error')).toHaveTextContent('This link is not valid. Please check it.');
  });

  it('locked meanwhile: shows the server problem and what is true now', async () => {
    let locked = false;
    fakeApi({
      [`GET ${PATH}`]: () => ({ body: locked ? visit({ can_answer: false, feedback: given({ can_edit: false }) }) : visit({ feedback: given() }) }),
      [`POST ${PATH}`]: () => {
        locked = true;
        return problem(409, 'feedback-locked', 'The feedback could be changed for 24 hours after it was given.');
      },
    });
    open();
    fireEvent.click(await screen.findByTestId('bf-edit'));
    fireEvent.click(screen.getByRole('radio', { name: '1 of 5 stars, Very bad' }));
    fireEvent.click(screen.getByTestId('bf-send'));
    expect(await screen.findByText('The feedback could be changed for 24 hours after it was given.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('bf-note')).toHaveTextContent('The answer can no longer be changed.'));
    expect(screen.getByTestId('bf-answer')).toHaveTextContent('Excellent');
  });

  it('a field the server refuses is named at the field', async () => {
    fakeApi({
      [`GET ${PATH}`]: () => ({ body: visit() }),
      [`POST ${PATH}`]: () => problem(422, 'validation-failed', 'Validation failed', '', [{ field: 'comment', code: 'too_long' }]),
    });
    open();
    fireEvent.click(await screen.findByRole('radio', { name: '5 of 5 stars, Excellent' }));
    fireEvent.click(screen.getByTestId('bf-send'));
    expect(await screen.findByText('This is too long.')).toBeInTheDocument();
  });

  it('a low score is thanked for honesty', async () => {
    fakeApi({
      [`GET ${PATH}`]: () => ({ body: visit() }),
      [`POST ${PATH}`]: () => ({ status: 201, body: visit({ feedback: given({ rating: 2, nps: null, comment: '' }) }) }),
    });
    open();
    fireEvent.click(await screen.findByRole('radio', { name: '2 of 5 stars, Bad' }));
    fireEvent.click(screen.getByTestId('bf-send'));
    expect(await screen.findByTestId('bf-note')).toHaveTextContent('Thank you for being honest.');
  });

  it('has every text in every language', () => {
    const keys = Object.keys(feedbackTexts('en')).sort();
    for (const lang of LANGS) {
      const x = feedbackTexts(lang);
      expect(Object.keys(x).sort()).toEqual(keys);
      expect(x.labels).toHaveLength(5);
      for (const [k, v] of Object.entries(x)) expect(String(v).trim(), `${lang}.${k}`).not.toBe('');
    }
  });
});
