import { Alert, Group, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../app/PageHeader';
import { useAuthedSession } from '../identity/session';
import { listStaff, staffKeys } from '../staff/api';
import { type FeedbackFilter, canSeeFeedback, useFeedback } from './api';
import { FeedbackList } from './FeedbackList';

const positive = (v: string | null) => {
  const n = Number(v);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
};

/** Feedback: what clients answered after their visits, with the average and NPS (owners, managers). */
export function FeedbackPage() {
  const { t } = useTranslation();
  const session = useAuthedSession();
  const allowed = canSeeFeedback(session.role);
  const [params, setParams] = useSearchParams();
  const filter: FeedbackFilter = {
    branch_id: positive(params.get('branch')),
    staff_id: positive(params.get('master')),
    max_rating: positive(params.get('rating')),
  };
  const masters = useQuery({
    queryKey: staffKeys.list(false),
    queryFn: ({ signal }) => listStaff(false, signal),
    enabled: allowed,
  });
  const feedback = useFeedback(filter, allowed);

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('feedback.title')} subtitle={t('feedback.subtitle')} />
      {!allowed ? (
        <Alert color="gray" variant="light" data-testid="feedback-forbidden">
          {t('feedback.forbidden')}
        </Alert>
      ) : (
        <>
          <Group gap="sm" mb="md" wrap="wrap" align="flex-end">
            {session.branches.length > 1 && (
              <Select
                label={t('feedback.filters.branch')}
                placeholder={t('feedback.filters.allBranches')}
                data={session.branches.map((b) => ({ value: String(b.id), label: b.name }))}
                value={filter.branch_id ? String(filter.branch_id) : null}
                onChange={(v) => set('branch', v)}
                clearable
                w={{ base: '100%', xs: 220 }}
                data-testid="feedback-filter-branch"
              />
            )}
            <Select
              label={t('feedback.filters.master')}
              placeholder={t('feedback.filters.allMasters')}
              data={(masters.data ?? []).map((m) => ({ value: String(m.id), label: m.name }))}
              value={filter.staff_id ? String(filter.staff_id) : null}
              onChange={(v) => set('master', v)}
              clearable
              searchable
              w={{ base: '100%', xs: 220 }}
              data-testid="feedback-filter-master"
            />
            <Select
              label={t('feedback.filters.rating')}
              placeholder={t('feedback.filters.allRatings')}
              data={[
                { value: '3', label: t('feedback.filters.low') },
                { value: '4', label: t('feedback.filters.upTo', { n: 4 }) },
                { value: '2', label: t('feedback.filters.upTo', { n: 2 }) },
                { value: '1', label: t('feedback.filters.upTo', { n: 1 }) },
              ]}
              value={filter.max_rating ? String(filter.max_rating) : null}
              onChange={(v) => set('rating', v)}
              clearable
              w={{ base: '100%', xs: 220 }}
              data-testid="feedback-filter-rating"
            />
          </Group>
          <FeedbackList query={feedback} testId="feedback-list" />
        </>
      )}
    </>
  );
}

