import { IconAddressBook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../app/ComingSoon';
import { PageHeader } from '../app/PageHeader';

export function ClientsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.clients.title')} subtitle={t('pages.clients.subtitle')} />
      <ComingSoon
        icon={IconAddressBook}
        title={t('pages.clients.emptyTitle')}
        text={t('pages.clients.emptyText')}
        features={[t('pages.clients.feature1'), t('pages.clients.feature2'), t('pages.clients.feature3')]}
        testId="clients-coming-soon"
      />
    </>
  );
}
