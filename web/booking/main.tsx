/** @jsxImportSource preact */
// Entry of the public booking page (booking.html): its own light bundle (Preact), not the admin app.
import { render } from 'preact';
import { App, parseRoute } from './App';
import { pickLang, readSavedLang } from './i18n';
import { initTelegram } from './telegram';
import './booking.css';

const params = new URLSearchParams(location.search);
const route = parseRoute(location.pathname, params);
const lang = pickLang(params.get('lang'), readSavedLang(), navigator.languages?.length ? navigator.languages : [navigator.language]);
const embed = params.get('embed') === '1';
document.documentElement.lang = lang;

if (embed) {
  document.documentElement.classList.add('bp-embed');
  // Esc inside the overlay's iframe closes the overlay (embed.js listens).
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !e.defaultPrevented && window.parent !== window) window.parent.postMessage({ type: 'kvitka:close' }, '*');
  });
}
initTelegram();

render(<App route={route} params={params} lang={lang} embed={embed} />, document.getElementById('app')!);
