/** @jsxImportSource preact */
// The booking page's shell: header (branch name, language switch) and either the
// booking flow (/b/{slug}) or the client's manage page (/b/{slug}/m/{token}).
import { useEffect, useState } from 'preact/hooks';
import { NETWORK, type Problem, type PublicBranch, getBranch, setApiLanguage } from './api';
import { BookingFlow, prefetchLikely } from './BookingFlow';
import { I18nContext, LANG_NAMES, LANGS, type Lang, isLang, saveLang, translator } from './i18n';
import { ManagePage } from './ManagePage';
import { ErrorBox, PhoneLink } from './ui';

export interface Route {
  slug: string;
  token: string | null;
}

/** "/b/podil" -> {podil}, "/b/podil/m/abc" -> {podil, abc}; the bare booking.html (development) reads ?branch=&token=. */
export function parseRoute(pathname: string, params: URLSearchParams): Route {
  const m = /^\/b\/([^/]+)(?:\/m\/([^/]+))?\/?$/.exec(pathname);
  const dec = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  if (m) return { slug: dec(m[1]!), token: m[2] ? dec(m[2]) : null };
  return { slug: params.get('branch') ?? '', token: params.get('token') };
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
    if (route.token || !route.slug) return;
    getBranch(route.slug).then(
      (data) => {
        prefetchLikely(data, params);
        setBranch({ data });
        setTitle(data.branch.name);
      },
      (problem: Problem) => setBranch({ problem }),
    );
  }, [route.slug, route.token, attempt]);

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
  if (route.token) body = <ManagePage token={route.token} onBranch={setTitle} />;
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
