import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import {
  FALLBACK_LANGUAGE,
  languageForSession,
  normalizeLanguage,
  rememberLanguage,
  storedLanguage,
  type Language,
} from '../i18n/language';
import { updateMe } from '../identity/api';
import { sessionKey } from '../identity/session';
import type { Session } from '../identity/types';

/**
 * The interface language and a setter that switches it, remembers the choice
 * in localStorage (kvitka.lang) and, when logged in, saves it as the user's
 * locale with PATCH /api/v1/me.
 */
export function useLanguage(): [Language, (lang: Language) => Promise<void>] {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const language = normalizeLanguage(i18n.resolvedLanguage ?? i18n.language) ?? FALLBACK_LANGUAGE;

  const setLanguage = useCallback(
    async (lang: Language) => {
      rememberLanguage(lang);
      await i18n.changeLanguage(lang);
      const session = queryClient.getQueryData<Session | null>(sessionKey);
      if (session && session.user.locale !== lang) {
        try {
          const updated = await updateMe({ locale: lang });
          queryClient.setQueryData(sessionKey, updated);
        } catch {
          // The interface is switched anyway; the saved locale catches up next time.
        }
      }
    },
    [i18n, queryClient],
  );

  return [language, setLanguage];
}

/**
 * Stores a fresh session (after login, signup or accepting an invitation) and
 * settles the interface language: a choice made in this browser wins and is
 * saved to the account; otherwise the account's locale is used. After signup
 * the language the form was filled in is kept (preferCurrent).
 */
export function useSignedIn() {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  return useCallback(
    (session: Session, { preferCurrent = false }: { preferCurrent?: boolean } = {}) => {
      const stored = storedLanguage();
      const current = currentLanguage();
      const wanted = preferCurrent
        ? (stored ?? current)
        : languageForSession(stored, session.user.locale, current);
      queryClient.setQueryData(sessionKey, session);
      if (wanted !== current) void i18n.changeLanguage(wanted);
      if ((stored || preferCurrent) && session.user.locale !== wanted) {
        updateMe({ locale: wanted })
          .then((updated) => queryClient.setQueryData(sessionKey, updated))
          .catch(() => undefined);
      }
    },
    [i18n, queryClient],
  );
}
