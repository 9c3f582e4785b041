// The bell's summary: polled every 30 seconds (also in a background tab) and when the window
// gets focus; a new task (newest_id grows) chimes, unless muted, and shows a notification.
// The first answer after loading never chimes.
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { getTaskSummary, taskKeys } from './api';
import { playChime } from './chime';
import { isNewTask } from './tasks';

export const POLL_MS = 30_000;

export function useTaskAlerts(muted: boolean) {
  const { t } = useTranslation();
  const summary = useQuery({
    queryKey: taskKeys.summary,
    queryFn: ({ signal }) => getTaskSummary(signal),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: 'always',
    staleTime: 0,
    retry: false,
  });
  // undefined until the first answer: what was there on load is not news.
  const seen = useRef<number | null | undefined>(undefined);
  const mutedRef = useRef(muted);
  mutedRef.current = muted;

  const newest = summary.data?.newest_id;
  useEffect(() => {
    if (newest === undefined) return;
    if (isNewTask(seen.current, newest)) {
      if (!mutedRef.current) playChime();
      notifications.show({ id: `task-${newest}`, color: 'orange', title: t('tasks.new.title'), message: t('tasks.new.message') });
      showSystemNotification(t('tasks.new.title'), t('tasks.new.message'));
    }
    if (seen.current === undefined || seen.current === null || (newest !== null && newest > seen.current)) {
      seen.current = newest;
    }
  }, [newest, t]);

  /** A task this user just added is no news to them. */
  const acknowledge = useCallback((id: number) => {
    if (seen.current === undefined || seen.current === null || id > seen.current) seen.current = id;
  }, []);

  return { summary, acknowledge };
}

/** The desktop notification when the tab is in the background and the user allowed them. */
function showSystemNotification(title: string, body: string): void {
  try {
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    if (typeof document !== 'undefined' && !document.hidden) return;
    new Notification(title, { body, tag: 'kvitka-task' });
  } catch {
    // Not allowed here (some mobile browsers): the chime and the badge remain.
  }
}
