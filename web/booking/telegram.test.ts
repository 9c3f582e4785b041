import { afterEach, describe, expect, it } from 'vitest';
import { applyTheme, initTelegram, isMiniAppLaunch } from './telegram';

const TG = 'script[src="https://telegram.org/js/telegram-web-app.js"]';

afterEach(() => {
  document.head.querySelectorAll(TG).forEach((s) => s.remove());
  document.documentElement.removeAttribute('style');
  document.documentElement.classList.remove('bp-tg');
  delete window.Telegram;
  history.replaceState(null, '', '/b/podil');
});

describe('Telegram', () => {
  it('loads nothing in an ordinary browser (nor in Telegram’s in-app browser)', () => {
    initTelegram();
    expect(document.querySelector(TG)).toBeNull();
    expect(isMiniAppLaunch('#foo=1')).toBe(false);
  });

  it('as a Mini App: loads Telegram’s script and takes the theme from the launch parameters', () => {
    const theme = encodeURIComponent(JSON.stringify({ bg_color: '#17212b', text_color: '#f5f5f5', button_color: '#5288c1', button_text_color: '#ffffff' }));
    history.replaceState(null, '', `/b/podil#tgWebAppData=query_id%3D1&tgWebAppPlatform=android&tgWebAppThemeParams=${theme}`);
    initTelegram();
    expect(document.querySelector(TG)).not.toBeNull();
    const root = document.documentElement;
    expect(root.style.getPropertyValue('--bp-bg')).toBe('#17212b');
    expect(root.style.getPropertyValue('--bp-accent')).toBe('#5288c1');
    expect(root.style.getPropertyValue('--bp-accent-fg')).toBe('#ffffff');
    expect(root.classList.contains('bp-tg')).toBe(true);
  });

  it('calls ready() and expand() when Telegram’s WebApp is there', () => {
    const calls: string[] = [];
    window.Telegram = {
      WebApp: { ready: () => calls.push('ready'), expand: () => calls.push('expand'), themeParams: { bg_color: '#000000', text_color: 'red;x' } },
    };
    initTelegram();
    expect(calls).toEqual(['ready', 'expand']);
    expect(document.querySelector(TG)).toBeNull();
    expect(document.documentElement.style.getPropertyValue('--bp-bg')).toBe('#000000');
    // Only colours are taken.
    expect(document.documentElement.style.getPropertyValue('--bp-fg')).toBe('');
  });

  it('ignores a theme that is not colours', () => {
    applyTheme({ bg_color: 'url(x)' });
    expect(document.documentElement.style.getPropertyValue('--bp-bg')).toBe('');
  });
});
