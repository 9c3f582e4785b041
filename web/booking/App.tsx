/** @jsxImportSource preact */
// The booking page's shell: header (branch name, language switch) and either the
// booking flow (/b/{slug}), the client's manage page (/b/{slug}/m/{token}) or the
// visit's feedback form (/b/{slug}/f/{token}, loaded on demand), or the opt-out page of
// marketing messages (/b/u/{token}).
import { useEffect, useState } from 'preact/hooks';
import { NETWORK, type Problem, type PublicBranch, type PublicFeedback, getBranch, getFeedback, setApiLanguage } from './api';
import { BookingFlow, prefetchLikely } from './BookingFlow';
import { I18nContext, LANG_NAMES, LANGS, type Lang, isLang, saveLang, translator, useI18n } from './i18n';
import { ManagePage } from './ManagePage';
import { OptOutPage } from './OptOutPage';
import { ErrorBox, PhoneLink } from './ui';

export interface Route {
  slug: string;
  token: string | null;
  /** The visit's token on its feedback form (/b/{slug}/f/{token}). */
  feedback?: string | null;
  /** The client's token on the opt-out page of marketing messages (/b/u/{token}). */
  optOut?: string | null;
}

/**
 * "/b/podil" -> {podil}, "/b/podil/m/abc" -> {podil, abc}, "/b/podil/f/abc" -> {podil, feedback: abc};
 * the bare booking.html (development) reads ?branch=&token=&feedback=.
 */
export function parseRoute(pathname: string, params: URLSearchParams): Route {
  const u = /^\/b\/u\/([^/]+)\/?$/.exec(pathname);
  if (u) return { slug: '', token: null, optOut: safeDecode(u[1]!) };
  const f = /^\/b\/([^/]+)\/f\/([^/]+)\/?$/.exec(pathname);
  if (f) return { slug: safeDecode(f[1]!), token: null, feedback: safeDecode(f[2]!) };
  const m = /^\/b\/([^/]+)(?:\/m\/([^/]+))?\/?$/.exec(pathname);
  if (m) return { slug: safeDecode(m[1]!), token: m[2] ? safeDecode(m[2]) : null };
  return { slug: params.get('branch') ?? '', token: params.get('token'), feedback: params.get('feedback') };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

type FeedbackPageType = typeof import('./FeedbackPage').FeedbackPage;

/** The feedback form's chunk and the visit are fetched at the same time. */
function LazyFeedback({ token, onBranch }: { token: string; onBranch: (name: string) => void }) {
  const { t } = useI18n();
  const [page, setPage] = useState<{ Page?: FeedbackPageType; failed?: boolean }>({});
  const [visit] = useState<Promise<PublicFeedback>>(() => {
    const p = getFeedback(token);
    p.catch(() => {}); // the page reports it
    return p;
  });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    import('./FeedbackPage').then(
      (m) => setPage({ Page: m.FeedbackPage }),
      () => setPage({ failed: true }),
    );
  }, [attempt]);
  if (page.failed)
    return (
      <div class="bp-error" role="alert" data-testid="bp-error">
        <strong>{t('network')}</strong>{' '}
        <button type="button" class="bp-btn" onClick={() => setAttempt(attempt + 1)}>
          {t('retry')}
        </button>
      </div>
    );
  if (!page.Page) return <p class="bp-muted bp-loading">{t('loading')}</p>;
  return <page.Page token={token} onBranch={onBranch} preload={visit} />;
}

interface Props {
  route: Route;
  params: URLSearchParams;
  lang: Lang;
  embed?: boolean;
}

export function App({ route, params, lang: initialLang, embed = false }: Props) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = translator(lang);
  const [branch, setBranch] = useState<{ data?: PublicBranch; problem?: Problem }>({});
  const [title, setTitle] = useState('');
  const [attempt, setAttempt] = useState(0);

  setApiLanguage(lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    if (route.token || route.feedback || route.optOut || !route.slug) return;
    getBranch(route.slug).then(
      (data) => {
        prefetchLikely(data, params);
        setBranch({ data });
        setTitle(data.branch.name);
      },
      (problem: Problem) => setBranch({ problem }),
    );
  }, [route.slug, route.token, route.feedback, attempt]);

  useEffect(() => {
    document.title = title ? `${title} — ${t('pageTitle')}` : t('pageTitle');
  }, [title, lang]);

  const change = (v: string) => {
    if (!isLang(v)) return;
    saveLang(v);
    setLang(v);
  };

  const data = branch.data;
  let body;
  if (route.optOut) body = <OptOutPage token={route.optOut} onBranch={setTitle} />;
  else if (route.feedback) body = <LazyFeedback token={route.feedback} onBranch={setTitle} />;
  else if (route.token) body = <ManagePage token={route.token} onBranch={setTitle} />;
  else if (!route.slug || branch.problem?.status === 404)
    body = (
      <div class="bp-error" role="alert" data-testid="bp-error">
        <strong>{t('notFound')}</strong>
      </div>
    );
  else if (branch.problem)
    body = (
      <>
        <ErrorBox problem={branch.problem} />
        {branch.problem.code === NETWORK && (
          <button type="button" class="bp-btn" onClick={() => setAttempt(attempt + 1)}>
            {t('retry')}
          </button>
        )}
      </>
    );
  else if (!data) body = <p class="bp-muted bp-loading">{t('loading')}</p>;
  else if (!data.rules.enabled || data.services.length === 0)
    body = (
      <div class="bp-card bp-note" data-testid="bp-closed">
        <p>{data.rules.enabled ? t('noServices') : t('closed')}</p>
        {data.branch.message && <p>{data.branch.message}</p>}
        {data.branch.phone && (
          <p>
            {t('callUs')} <PhoneLink phone={data.branch.phone} />
          </p>
        )}
      </div>
    );
  else body = <BookingFlow key={data.branch.slug} data={data} params={params} embed={embed} />;

  return (
    <I18nContext.Provider value={{ lang, t }}>
      <header class="bp-header">
        <div class="bp-grow">
          <h1 class="bp-h1" data-testid="bp-branch-name">
            {title || t('pageTitle')}
          </h1>
          {!embed && data?.branch.address && <p class="bp-muted bp-small">{data.branch.address}</p>}
        </div>
        <label class="bp-vh" for="bp-lang">
          {t('language')}
        </label>
        <select id="bp-lang" class="bp-lang" value={lang} onChange={(e) => change((e.currentTarget as HTMLSelectElement).value)} data-testid="bp-lang">
          {LANGS.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANG_NAMES[l]}
            </option>
          ))}
        </select>
      </header>
      <main class="bp-main">{body}</main>
    </I18nContext.Provider>
  );
}
