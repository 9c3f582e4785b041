import { IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../app/ComingSoon';
import { PageHeader } from '../app/PageHeader';

export function StaffPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.staff.title')} subtitle={t('pages.staff.subtitle')} />
      <ComingSoon
        icon={IconUsersGroup}
        title={t('pages.staff.emptyTitle')}
        text={t('pages.staff.emptyText')}
        features={[t('pages.staff.feature1'), t('pages.staff.feature2'), t('pages.staff.feature3')]}
        testId="staff-coming-soon"
      />
    </>
  );
}
