import { describe, expect, it } from 'vitest';
import { LANGS, normalizeLang, pickLang, translator } from './i18n';

describe('pickLang', () => {
  it('takes ?lang= first', () => {
    expect(pickLang('ru', 'uk', ['en-US'])).toBe('ru');
    expect(pickLang('uk-UA', null, ['ru'])).toBe('uk');
  });

  it('then the saved choice', () => {
    expect(pickLang(null, 'uk', ['ru-RU'])).toBe('uk');
    expect(pickLang('de', 'ru', ['en'])).toBe('ru');
  });

  it('then the first browser language it has', () => {
    expect(pickLang(null, null, ['ru-RU', 'en'])).toBe('ru');
    expect(pickLang(null, null, ['de-DE', 'uk', 'ru'])).toBe('uk');
    expect(pickLang(null, 'xx', ['ua'])).toBe('uk');
    expect(pickLang(null, null, ['de-DE', 'fr'])).toBe('en');
    expect(pickLang(null, null, [])).toBe('en');
  });

  it('normalizes tags', () => {
    expect(normalizeLang('RU_ua')).toBe('ru');
    expect(normalizeLang('en-GB')).toBe('en');
    expect(normalizeLang('')).toBeNull();
  });
});

describe('translator', () => {
  it('fills placeholders and has every key in every language', () => {
    expect(translator('uk')('stepOf', { n: 2, total: 5, name: 'Майстер' })).toBe('Крок 2 з 5: Майстер');
    const en = translator('en');
    for (const lang of LANGS) {
      const t = translator(lang);
      expect(t('confirm')).not.toBe('');
      expect(t('e_invalid_phone')).not.toBe('e_invalid_phone');
    }
    expect(en('nextWeek')).toBe('Next week');
  });
});
