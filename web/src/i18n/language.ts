// Interface language: detection, persistence and normalization. Pure functions
// take their inputs (storage, browser languages) so tests need no globals.

export const LANGUAGES = ['uk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const FALLBACK_LANGUAGE: Language = 'en';
export const LANGUAGE_STORAGE_KEY = 'kvitka.lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Maps a BCP 47 tag ("uk-UA", "RU", "en_GB") to a supported language or null. */
export function normalizeLanguage(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  // "ua" is a common mistake for Ukrainian (it is the country code).
  if (primary === 'ua') return 'uk';
  return isLanguage(primary) ? primary : null;
}

/**
 * The stored choice wins; otherwise the first browser language we support;
 * otherwise English.
 */
export function detectLanguage(
  stored: string | null | undefined,
  browserLanguages: readonly string[] = [],
): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browserLanguages) {
    const lang = normalizeLanguage(tag);
    if (lang) return lang;
  }
  return FALLBACK_LANGUAGE;
}

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function readStoredLanguage(storage: KeyValueStorage | undefined): Language | null {
  try {
    const value = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null; // storage disabled (private mode, sandboxed iframe)
  }
}

export function storeLanguage(storage: KeyValueStorage | undefined, lang: Language): void {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // Not remembering the choice is acceptable; failing the switch is not.
  }
}

/**
 * Language to use once a session is known: an explicit choice made in this
 * browser wins, then the user's saved locale, then what is shown already.
 */
export function languageForSession(
  stored: Language | null,
  userLocale: string | null | undefined,
  current: Language,
): Language {
  if (stored) return stored;
  return normalizeLanguage(userLocale) ?? current;
}

function browserStorage(): Storage | undefined {
  try {
    return typeof window !== 'undefined' ? window.localStorage : undefined;
  } catch {
    return undefined;
  }
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  if (navigator.languages?.length) return navigator.languages;
  return navigator.language ? [navigator.language] : [];
}

export function initialLanguage(): Language {
  return detectLanguage(readStoredLanguage(browserStorage()), browserLanguages());
}

export function storedLanguage(): Language | null {
  return readStoredLanguage(browserStorage());
}

export function rememberLanguage(lang: Language): void {
  storeLanguage(browserStorage(), lang);
}
