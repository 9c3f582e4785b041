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
          <span data-testid={`lang-${lang}`} title={t(`language.${lang}`)} lang={lang}>
            {t(`language.short.${lang}`)}
          </span>
        ),
      }))}
    />
  );
}
