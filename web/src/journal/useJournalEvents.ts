// Live journal: Server-Sent Events of the branch refresh what is on screen.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { journalKeys } from './api';
import type { LiveEvent } from './types';

const DEBOUNCE_MS = 150;
const RETRY_MIN_MS = 2_000;
const RETRY_MAX_MS = 60_000;

/** Whether an event announces a new online booking (the one worth a sound). */
export function isOnlineBooking(type: string, data: LiveEvent): boolean {
  return type === 'appointment' && data.kind === 'created' && data.source === 'online';
}

export function parseEvent(text: string): LiveEvent {
  try {
    const data: unknown = JSON.parse(text);
    return data && typeof data === 'object' ? (data as LiveEvent) : {};
  } catch {
    return {};
  }
}

/**
 * Opens /api/v1/events?branch_id= and invalidates the journal (debounced) on
 * every event; `onOnlineBooking` runs for a booking made online. Reconnects
 * with a growing pause when the stream is closed for good (EventSource itself
 * retries dropped connections).
 */
export function useJournalEvents(branchId: number | null, onOnlineBooking: () => void): void {
  const queryClient = useQueryClient();
  const callback = useRef(onOnlineBooking);
  useEffect(() => {
    callback.current = onOnlineBooking;
  }, [onOnlineBooking]);

  useEffect(() => {
    if (branchId === null || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let pause = RETRY_MIN_MS;
    let stopped = false;
    let reconnecting = false;
    let touched = { waitlist: false, group: false };

    const refresh = () => {
      void queryClient.invalidateQueries({ queryKey: journalKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['appointment'] });
      if (touched.group) void queryClient.invalidateQueries({ queryKey: ['group-event'] });
      if (touched.waitlist) void queryClient.invalidateQueries({ queryKey: journalKeys.allWaitlist });
      touched = { waitlist: false, group: false };
    };
    const handle = (type: string) => (e: MessageEvent) => {
      const data = parseEvent(String(e.data ?? ''));
      if (type === 'waitlist') touched.waitlist = true;
      if (type === 'group_event') touched.group = true;
      if (isOnlineBooking(type, data)) callback.current();
      clearTimeout(timer);
      timer = setTimeout(refresh, DEBOUNCE_MS);
    };

    const open = () => {
      if (stopped) return;
      source = new EventSource(`/api/v1/events?branch_id=${branchId}`);
      source.onopen = () => {
        pause = RETRY_MIN_MS;
        // Whatever happened while the stream was down is read again.
        if (reconnecting) refresh();
        reconnecting = false;
      };
      for (const type of ['appointment', 'group_event', 'waitlist', 'message']) {
        source.addEventListener(type, handle(type) as EventListener);
      }
      source.onerror = () => {
        if (source?.readyState !== EventSource.CLOSED) return;
        source.close();
        reconnecting = true;
        retry = setTimeout(open, pause);
        pause = Math.min(pause * 2, RETRY_MAX_MS);
      };
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(retry);
      source?.close();
    };
  }, [branchId, queryClient]);
}
