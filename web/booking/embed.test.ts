// The embed script (public/b/embed.js, plain JS loaded by other websites),
// run in a fresh page (an iframe) of its own for each test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fireEvent, within } from '@testing-library/dom';
import { afterEach, describe, expect, it } from 'vitest';

const SOURCE = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../public/b/embed.js'), 'utf8');

interface Kvitka {
  open: (slug?: string) => void;
  close: () => void;
}

/** A website with the one-line script in `where` (body by default). */
function site(attrs: Record<string, string>, { lang = '', html = '', where = 'body' } = {}) {
  const frame = document.createElement('iframe');
  document.body.appendChild(frame);
  const window = frame.contentWindow!;
  const doc = frame.contentDocument!;
  doc.documentElement.lang = lang;
  doc.body.innerHTML = html;
  const s = doc.createElement('script');
  s.setAttribute('src', 'https://salon.example/b/embed.js');
  for (const [k, v] of Object.entries(attrs)) s.setAttribute(k, v);
  (where === 'body' ? doc.body : doc.querySelector(where)!).appendChild(s);
  // jsdom does not fetch the src: run the file's text as the browser would.
  new Function('window', 'document', SOURCE)(window, doc);
  return { doc, page: within(doc.body), kvitka: (window as unknown as { Kvitka: Kvitka }).Kvitka };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('embed.js', () => {
  it('adds a Book button that opens the page in an overlay, closed by Esc with the focus back', () => {
    const { doc, page } = site({ 'data-kvitka-branch': 'podil', 'data-color': '#123456' }, { lang: 'uk-UA' });
    const button = page.getByRole('button', { name: 'Записатися' });
    expect(button.style.position).toBe('fixed');
    button.focus();
    fireEvent.click(button);
    const dialog = page.getByRole('dialog', { name: 'Онлайн-запис' });
    expect(dialog.querySelector('iframe')!.getAttribute('src')).toBe('https://salon.example/b/podil?embed=1&lang=uk');
    expect(doc.activeElement).toBe(page.getByRole('button', { name: 'Закрити' }));
    fireEvent.keyDown(doc, { key: 'Escape' });
    expect(page.queryByRole('dialog')).toBeNull();
    expect(doc.activeElement).toBe(button);
  });

  it('turns [data-kvitka-open] into openers and has Kvitka.open(); the close button closes', () => {
    const { doc, page, kvitka } = site(
      { 'data-kvitka-branch': 'podil', 'data-position': 'none' },
      { lang: 'en', html: '<p><a href="#" data-kvitka-open="obolon"><span>Book at Obolon</span></a></p>' },
    );
    expect(page.queryByRole('button', { name: 'Book' })).toBeNull();
    fireEvent.click(page.getByText('Book at Obolon'));
    expect(doc.querySelector('iframe')!.getAttribute('src')).toBe('https://salon.example/b/obolon?embed=1&lang=en');
    fireEvent.click(page.getByRole('button', { name: 'Close' }));
    expect(doc.querySelector('iframe')).toBeNull();
    kvitka.open();
    expect(doc.querySelector('iframe')!.getAttribute('src')).toBe('https://salon.example/b/podil?embed=1&lang=en');
  });

  it('puts an inline button with its own label where the script is', () => {
    const { page } = site(
      { 'data-kvitka-branch': 'podil', 'data-position': 'inline', 'data-label': 'Book a manicure' },
      { html: '<div id="here"></div>', where: '#here' },
    );
    const b = page.getByRole('button', { name: 'Book a manicure' });
    expect(b.parentElement!.id).toBe('here');
    expect(b.style.position).toBe('');
  });
});
