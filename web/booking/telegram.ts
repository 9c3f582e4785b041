// Telegram: the page works in Telegram's in-app browser as a plain page, and as
// a Mini App. Telegram's script is loaded only when the page was opened as a
// Mini App (the launch parameters are in the URL hash).
interface TelegramWebApp {
  ready(): void;
  expand(): void;
  themeParams?: Record<string, string | undefined>;
  onEvent?(event: string, cb: () => void): void;
}

declare global {
  interface Window {
    Telegram?: { WebApp?: TelegramWebApp };
  }
}

const SCRIPT = 'https://telegram.org/js/telegram-web-app.js';

const VARS: Record<string, string> = {
  bg_color: '--bp-bg',
  text_color: '--bp-fg',
  hint_color: '--bp-muted',
  link_color: '--bp-link',
  button_color: '--bp-accent',
  button_text_color: '--bp-accent-fg',
  secondary_bg_color: '--bp-card',
};

export function applyTheme(theme: Record<string, string | undefined> | undefined, root = document.documentElement): void {
  if (!theme) return;
  for (const [k, v] of Object.entries(VARS)) {
    const value = theme[k];
    if (value && /^#[0-9a-f]{3,8}$/i.test(value)) root.style.setProperty(v, value);
  }
  root.classList.add('bp-tg');
}

/** Whether the URL says the page was opened as a Telegram Mini App. */
export function isMiniAppLaunch(hash: string): boolean {
  return /tgWebApp(Data|Platform)=/.test(hash);
}

export function initTelegram(): void {
  const hash = location.hash;
  if (!window.Telegram?.WebApp && !isMiniAppLaunch(hash)) return;
  // The theme is in the launch parameters too: use it at once, before the script arrives.
  try {
    const raw = new URLSearchParams(hash.slice(1)).get('tgWebAppThemeParams');
    if (raw) applyTheme(JSON.parse(raw));
  } catch {
    // malformed theme: keep ours
  }
  const start = () => {
    const app = window.Telegram?.WebApp;
    if (!app) return;
    try {
      app.ready();
      app.expand();
      applyTheme(app.themeParams);
      app.onEvent?.('themeChanged', () => applyTheme(app.themeParams));
    } catch {
      // an old client without these calls still shows the page
    }
  };
  if (window.Telegram?.WebApp) {
    start();
    return;
  }
  const s = document.createElement('script');
  s.src = SCRIPT;
  s.async = true;
  s.onload = start;
  document.head.appendChild(s);
}
