import { IconCalendarEvent } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../app/ComingSoon';
import { PageHeader } from '../app/PageHeader';
import { useAuthedSession } from '../identity/session';

export function JournalPage() {
  const { t, i18n } = useTranslation();
  const session = useAuthedSession();
  const timeZone = session.branches[0]?.timezone;
  let today: string;
  try {
    today = new Intl.DateTimeFormat(i18n.language, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone,
    }).format(new Date());
  } catch {
    today = new Intl.DateTimeFormat(i18n.language, { weekday: 'long', day: 'numeric', month: 'long' }).format(
      new Date(),
    );
  }
  return (
    <>
      <PageHeader title={t('pages.journal.title')} subtitle={t('pages.journal.subtitle', { date: today })} />
      <ComingSoon
        icon={IconCalendarEvent}
        title={t('pages.journal.emptyTitle')}
        text={t('pages.journal.emptyText')}
        features={[t('pages.journal.feature1'), t('pages.journal.feature2'), t('pages.journal.feature3')]}
        testId="journal-coming-soon"
      />
    </>
  );
}
