/** @jsxImportSource preact */
import { fireEvent, screen, waitFor } from '@testing-library/dom';
import { describe, expect, it } from 'vitest';
import { App, parseRoute } from './App';
import type { Lang } from './i18n';
import { fakeApi, mount } from './testing';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUv';

function open(lang: Lang = 'uk') {
  return mount(<App route={{ slug: '', token: null, optOut: TOKEN }} params={new URLSearchParams()} lang={lang} />);
}

describe('opt-out page', () => {
  it('is routed from /b/u/{token}', () => {
    expect(parseRoute(`/b/u/${TOKEN}`, new URLSearchParams())).toEqual({ slug: '', token: null, optOut: TOKEN });
    expect(parseRoute('/b/u', new URLSearchParams()).optOut).toBeUndefined();
  });

  it('asks once and then withdraws the consent, naming the salon', async () => {
    const api = fakeApi({
      [`GET /opt-out/${TOKEN}`]: () => ({ body: { salon: 'Kvitka', first_name: 'Олена', subscribed: true } }),
      [`POST /opt-out/${TOKEN}`]: () => ({ body: { salon: 'Kvitka', first_name: 'Олена', subscribed: false } }),
    });
    open('uk');
    await screen.findByText(/Олена, ви отримуєте акції та новини салону «Kvitka»/);
    expect(api.find('POST', '/opt-out')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('bp-opt-out-stop'));
    await screen.findByTestId('bp-opt-out-done');
    expect(api.find('POST', `/opt-out/${TOKEN}`)).toHaveLength(1);
    expect(screen.getByTestId('bp-opt-out-done').textContent).toMatch(/нагадування/);
  });

  it('says so when already unsubscribed, and when the link is unknown', async () => {
    fakeApi({ [`GET /opt-out/${TOKEN}`]: () => ({ body: { salon: 'Kvitka', first_name: 'Ann', subscribed: false } }) });
    open('en');
    await screen.findByTestId('bp-opt-out-already');
    expect(screen.queryByTestId('bp-opt-out-stop')).toBeNull();
  });

  it('an unknown link is not valid', async () => {
    fakeApi({});
    open('ru');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/недействительна/));
  });
});
