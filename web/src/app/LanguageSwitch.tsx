import { SegmentedControl, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES } from '../i18n/language';
import { useLanguage } from './useLanguage';

export function LanguageSwitch({ size = 'xs' }: { size?: MantineSize }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  return (
    <SegmentedControl
      data-testid="lang-switch"
      aria-label={t('language.label')}
      size={size}
      radius="xl"
      value={language}
      onChange={(value) => {
        if (isLanguage(value)) void setLanguage(value);
      }}
      data={LANGUAGES.map((lang) => ({
        value: lang,
        label: (
          // A click on the language already shown is a choice too: remember it, so that the
          // account's saved locale does not override it after signing in.
          <span
            data-testid={`lang-${lang}`}
            title={t(`language.${lang}`)}
            lang={lang}
            onClick={() => {
              if (lang === language) void setLanguage(lang);
            }}
          >
            {t(`language.short.${lang}`)}
          </span>
        ),
      }))}
    />
  );
}
