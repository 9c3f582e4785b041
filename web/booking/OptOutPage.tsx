/** @jsxImportSource preact */
// The opt-out link of marketing messages (/b/u/{token}): whose link it is, and one button that
// stops the salon's promotional messages (the visits' confirmations and reminders still come).
import { useEffect, useState } from 'preact/hooks';
import { useI18n, type Lang } from './i18n';

interface OptOut {
  salon: string;
  first_name: string;
  subscribed: boolean;
}

const TEXTS: Record<Lang, Record<string, string>> = {
  uk: {
    title: 'Відписка від розсилок',
    hello: '{name}, ви отримуєте акції та новини салону «{salon}».',
    stop: 'Більше не надсилати',
    done: 'Готово: акцій і новин від салону «{salon}» більше не буде. Підтвердження та нагадування про ваші записи приходитимуть, як і раніше.',
    already: 'Ви вже відписані від розсилок салону «{salon}».',
    notFound: 'Це посилання недійсне.',
    failed: 'Не вдалося зв’язатися із сервером. Спробуйте ще раз.',
  },
  ru: {
    title: 'Отписка от рассылок',
    hello: '{name}, вы получаете акции и новости салона «{salon}».',
    stop: 'Больше не присылать',
    done: 'Готово: акций и новостей от салона «{salon}» больше не будет. Подтверждения и напоминания о ваших записях будут приходить, как прежде.',
    already: 'Вы уже отписаны от рассылок салона «{salon}».',
    notFound: 'Эта ссылка недействительна.',
    failed: 'Не удалось связаться с сервером. Попробуйте ещё раз.',
  },
  en: {
    title: 'Unsubscribe',
    hello: '{name}, you get offers and news from {salon}.',
    stop: 'Stop sending them',
    done: 'Done: no more offers or news from {salon}. Confirmations and reminders of your bookings will still come.',
    already: 'You are already unsubscribed from {salon}’s offers.',
    notFound: 'This link is not valid.',
    failed: 'Could not reach the server. Please try again.',
  },
};

async function call(method: 'GET' | 'POST', token: string, lang: Lang): Promise<OptOut> {
  const res = await fetch(`/api/v1/public/opt-out/${encodeURIComponent(token)}`, {
    method,
    headers: { Accept: 'application/json', 'Accept-Language': lang },
    credentials: 'omit',
  });
  if (res.status === 404) throw new Error('not-found');
  if (!res.ok) throw new Error('failed');
  return (await res.json()) as OptOut;
}

export function OptOutPage({ token, onBranch }: { token: string; onBranch: (name: string) => void }) {
  const { lang } = useI18n();
  const t = (key: string, vars: Record<string, string> = {}) =>
    (TEXTS[lang][key] ?? TEXTS.en[key]!).replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
  const [state, setState] = useState<{ data?: OptOut; error?: string; done?: boolean; busy?: boolean }>({});

  useEffect(() => {
    call('GET', token, lang).then(
      (data) => {
        onBranch(data.salon);
        setState({ data });
      },
      (e: Error) => setState({ error: e.message }),
    );
  }, [token]);

  const stop = () => {
    setState({ ...state, busy: true });
    call('POST', token, lang).then(
      (data) => setState({ data, done: true }),
      (e: Error) => setState({ ...state, busy: false, error: e.message }),
    );
  };

  const vars = { name: state.data?.first_name ?? '', salon: state.data?.salon ?? '' };
  return (
    <section class="bp-step" data-testid="bp-opt-out">
      <h1 tabIndex={-1}>{t('title')}</h1>
      {state.error === 'not-found' && <p role="alert">{t('notFound')}</p>}
      {state.error === 'failed' && <p role="alert">{t('failed')}</p>}
      {state.data && state.done && (
        <p role="status" data-testid="bp-opt-out-done">
          {t('done', vars)}
        </p>
      )}
      {state.data && !state.done && !state.data.subscribed && <p data-testid="bp-opt-out-already">{t('already', vars)}</p>}
      {state.data && !state.done && state.data.subscribed && (
        <>
          <p>{t('hello', vars)}</p>
          <button type="button" class="bp-btn bp-primary" disabled={state.busy} onClick={stop} data-testid="bp-opt-out-stop">
            {t('stop')}
          </button>
        </>
      )}
    </section>
  );
}
