import { describe, expect, it } from 'vitest';
import {
  detectLanguage,
  initialLanguage,
  languageForSession,
  LANGUAGE_STORAGE_KEY,
  normalizeLanguage,
  readStoredLanguage,
  rememberLanguage,
  storeLanguage,
} from './language';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

const brokenStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

describe('normalizeLanguage', () => {
  it.each([
    ['uk', 'uk'],
    ['uk-UA', 'uk'],
    ['UK', 'uk'],
    ['ua', 'uk'],
    ['ru-RU', 'ru'],
    ['ru_UA', 'ru'],
    ['en-GB', 'en'],
    ['de-DE', null],
    ['', null],
    [null, null],
  ])('%s -> %s', (tag, expected) => {
    expect(normalizeLanguage(tag)).toBe(expected);
  });
});

describe('detectLanguage', () => {
  it('uses Ukrainian for a Ukrainian browser', () => {
    expect(detectLanguage(null, ['uk-UA', 'en-US'])).toBe('uk');
  });
  it('uses Russian for a Russian browser', () => {
    expect(detectLanguage(null, ['ru-RU', 'ru'])).toBe('ru');
  });
  it('falls back to English for other browser languages', () => {
    expect(detectLanguage(null, ['de-DE', 'fr'])).toBe('en');
    expect(detectLanguage(null, [])).toBe('en');
  });
  it('picks the first supported language in the browser preference list', () => {
    expect(detectLanguage(null, ['pl-PL', 'ru-RU', 'uk'])).toBe('ru');
  });
  it('prefers the remembered choice over the browser', () => {
    expect(detectLanguage('en', ['uk-UA'])).toBe('en');
  });
  it('ignores a remembered value that is not a supported language', () => {
    expect(detectLanguage('klingon', ['uk-UA'])).toBe('uk');
  });
});

describe('persistence', () => {
  it('writes and reads the kvitka.lang key', () => {
    const storage = memoryStorage();
    storeLanguage(storage, 'ru');
    expect(storage.data.get(LANGUAGE_STORAGE_KEY)).toBe('ru');
    expect(readStoredLanguage(storage)).toBe('ru');
  });
  it('treats garbage in storage as no choice', () => {
    expect(readStoredLanguage(memoryStorage({ [LANGUAGE_STORAGE_KEY]: 'xx' }))).toBeNull();
  });
  it('survives storage that throws (private mode)', () => {
    expect(readStoredLanguage(brokenStorage)).toBeNull();
    expect(() => storeLanguage(brokenStorage, 'uk')).not.toThrow();
  });
  it('remembers the choice in window.localStorage for the next visit', () => {
    rememberLanguage('ru');
    expect(window.localStorage.getItem('kvitka.lang')).toBe('ru');
    expect(initialLanguage()).toBe('ru');
  });
});

describe('languageForSession', () => {
  it('keeps an explicit choice made in this browser', () => {
    expect(languageForSession('en', 'uk', 'en')).toBe('en');
  });
  it("otherwise adopts the user's saved locale", () => {
    expect(languageForSession(null, 'ru', 'uk')).toBe('ru');
  });
  it('keeps the current language when the locale is unknown', () => {
    expect(languageForSession(null, 'de', 'uk')).toBe('uk');
    expect(languageForSession(null, undefined, 'en')).toBe('en');
  });
});
