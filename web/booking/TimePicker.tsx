/** @jsxImportSource preact */
// Day strip (one week, within the branch's horizon) and the free times of the
// chosen day. One request per week; times in the branch's zone, labelled so.
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { Availability, Problem } from './api';
import { loadAvailability, peekAvailability } from './availability';
import { addDays, dateKeyIn, longDay, timeIn, tzCity, tzDiffers, weekdayShort } from './format';
import { useI18n } from './i18n';
import { ErrorBox } from './ui';

export interface PickedSlot {
  date: string;
  time: string;
  start: string;
  staffId: number;
}

interface Props {
  slug: string;
  tz: string;
  horizonDays: number;
  serviceIds: readonly number[];
  staffId: number | null;
  selected: PickedSlot | null;
  onSelect: (s: PickedSlot) => void;
  /** Bumped to refetch (after a time was taken meanwhile). */
  reload?: number;
}

/** The dates of week n (0: from today) in the branch's zone, cut at the horizon. */
export function weekRange(tz: string, horizonDays: number, week: number, now = new Date()): { from: string; to: string; last: string } {
  const today = dateKeyIn(now, tz);
  const last = dateKeyIn(new Date(now.getTime() + horizonDays * 86_400_000), tz);
  const from = addDays(today, week * 7);
  const end = addDays(from, 6);
  return { from, to: end < last ? end : last, last };
}

/** How many empty weeks the first search skips by itself. */
const AUTO_WEEKS = 4;

export function TimePicker({ slug, tz, horizonDays, serviceIds, staffId, selected, onSelect, reload = 0 }: Props) {
  const { t, lang } = useI18n();
  const today = dateKeyIn(new Date(), tz);
  const [week, setWeek] = useState(() => {
    if (!selected || selected.date < today) return 0;
    const days = Math.round((Date.parse(selected.date) - Date.parse(today)) / 86_400_000);
    return Math.floor(days / 7);
  });
  const [auto, setAuto] = useState(!selected);
  const [day, setDay] = useState<string | null>(selected?.date ?? null);
  const { from, to, last } = weekRange(tz, horizonDays, week);
  const key = `${slug}|${serviceIds.join(',')}|${staffId ?? ''}|${from}|${to}|${reload}`;
  const [loaded, setLoaded] = useState<{ key: string; data?: Availability; error?: Problem }>({ key: '' });

  // A layout effect: the request starts (or the answer is taken) right after
  // this render, not a frame later.
  useLayoutEffect(() => {
    let live = true;
    loadAvailability(slug, serviceIds, staffId, from, to).then(
      (data) => live && setLoaded({ key, data }),
      (error: Problem) => live && setLoaded({ key, error }),
    );
    return () => {
      live = false;
    };
  }, [key]);

  const data = loaded.key === key ? loaded.data : peekAvailability(slug, serviceIds, staffId, from, to);
  const error = loaded.key === key ? loaded.error : undefined;
  const byDay = useMemo(() => {
    const m = new Map<string, { time: string; start: string; staffId: number }[]>();
    for (const d of data?.days ?? []) {
      const seen = new Set<string>();
      const list = [];
      for (const s of d.slots) {
        const time = timeIn(s.start, tz);
        if (seen.has(time)) continue;
        seen.add(time);
        list.push({ time, start: s.start, staffId: s.staff_id });
      }
      m.set(d.date, list);
    }
    return m;
  }, [data, tz]);

  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  const firstWithSlots = days.find((d) => (byDay.get(d)?.length ?? 0) > 0);
  const canNext = addDays(from, 7) <= last;

  // The first search skips empty weeks by itself (a few, within the horizon).
  useEffect(() => {
    if (!data) return;
    if (firstWithSlots) setAuto(false);
    else if (auto && canNext && week < AUTO_WEEKS) setWeek(week + 1);
    else setAuto(false);
  }, [data]);

  const shown = day && day >= from && day <= to ? day : (firstWithSlots ?? from);
  const slots = byDay.get(shown) ?? [];
  const city = tzCity(tz, lang);
  const go = (w: number) => {
    setAuto(false);
    setDay(null);
    setWeek(w);
  };

  return (
    <div class="bp-picker">
      <p class="bp-tz-note" data-testid="bp-tz-note">
        {t('tzNote', { city, tz })}
        {tzDiffers(tz) && <span> {t('tzDiffers')}</span>}
      </p>
      <div class="bp-week">
        <button type="button" class="bp-icon" onClick={() => go(week - 1)} disabled={week === 0} aria-label={t('prevWeek')} data-testid="bp-week-prev">
          <span aria-hidden="true">‹</span>
        </button>
        <div class="bp-days" role="group" aria-label={t('stepTime')}>
          {days.map((d) => {
            const has = (byDay.get(d)?.length ?? 0) > 0;
            return (
              <button
                key={d}
                type="button"
                class="bp-day"
                aria-pressed={d === shown && (!!data || d === day)}
                aria-label={longDay(d, lang)}
                disabled={!!data && !has}
                onClick={() => {
                  setAuto(false);
                  setDay(d);
                }}
                data-testid={`bp-day-${d}`}
              >
                <span class="bp-wd">{weekdayShort(d, lang)}</span>
                <span class="bp-dn">{Number(d.slice(8))}</span>
              </button>
            );
          })}
        </div>
        <button type="button" class="bp-icon" onClick={() => go(week + 1)} disabled={!canNext} aria-label={t('nextWeek')} data-testid="bp-week-next">
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <h3 class="bp-h3">{longDay(shown, lang)}</h3>
      <div aria-live="polite" aria-busy={!data && !error}>
        <ErrorBox problem={error ?? null} />
        {!data && !error && <p class="bp-muted bp-loading">{t('loadingTimes')}</p>}
        {data && slots.length === 0 && (
          <p class="bp-muted" data-testid="bp-no-slots">
            {firstWithSlots ? t('noSlots') : t('noSlotsWeek')}
          </p>
        )}
        {data && slots.length > 0 && (
          <div class="bp-slots" role="group" aria-label={t('timesFor', { day: longDay(shown, lang) })}>
            {slots.map((s) => (
              <button
                key={s.start}
                type="button"
                class="bp-slot"
                aria-pressed={selected?.start === s.start}
                onClick={() => onSelect({ date: shown, time: s.time, start: s.start, staffId: s.staffId })}
                data-testid={`bp-slot-${s.time}`}
              >
                {s.time}
              </button>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
