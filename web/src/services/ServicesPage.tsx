import { IconScissors } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../app/ComingSoon';
import { PageHeader } from '../app/PageHeader';

export function ServicesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.services.title')} subtitle={t('pages.services.subtitle')} />
      <ComingSoon
        icon={IconScissors}
        title={t('pages.services.emptyTitle')}
        text={t('pages.services.emptyText')}
        features={[t('pages.services.feature1'), t('pages.services.feature2'), t('pages.services.feature3')]}
        testId="services-coming-soon"
      />
    </>
  );
}
