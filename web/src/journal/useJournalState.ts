// What the journal shows (branch, date, day or week, master), kept in the
// page URL so reload and back keep it; the time step lives in localStorage.
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { isIsoDate } from '../clients/filters';
import type { Branch } from '../identity/types';
import { addDays, weekdayOf } from '../staff/dates';
import { branchZone } from '../staff/lookups';
import { todayIn } from '../staff/zoned';
import type { Step } from './layout';
import { storedStep, storeStep } from './prefs';

export type View = 'day' | 'week';

export interface JournalState {
  branchId: number | null;
  timeZone: string;
  today: string;
  date: string;
  view: View;
  /** The first date shown (the Monday of the week in the week view). */
  from: string;
  days: number;
  master: number | null;
  step: Step;
  setBranch: (id: number) => void;
  setDate: (date: string) => void;
  setView: (view: View) => void;
  setMaster: (id: number | null) => void;
  setStep: (step: Step) => void;
  /** One day or one week back (-1) or forward (+1). */
  shift: (direction: -1 | 1) => void;
}

export function useJournalState(branches: readonly Branch[]): JournalState {
  const [params, setParams] = useSearchParams();
  const [step, setStepState] = useState<Step>(() => storedStep());
  const wanted = Number(params.get('branch'));
  const branchId = branches.find((b) => b.id === wanted)?.id ?? branches[0]?.id ?? null;
  const timeZone = branchZone(branches, branchId);
  const today = todayIn(timeZone);
  const raw = params.get('date') ?? '';
  const date = isIsoDate(raw) ? raw : today;
  const view: View = params.get('view') === 'week' ? 'week' : 'day';
  const master = Number(params.get('master')) || null;
  const from = view === 'week' ? addDays(date, -weekdayOf(date)) : date;

  const update = (patch: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [k, v] of Object.entries(patch)) {
          if (v === null) next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );

  return {
    branchId,
    timeZone,
    today,
    date,
    view,
    from,
    days: view === 'week' ? 7 : 1,
    master,
    step,
    setBranch: (id) => update({ branch: String(id), master: null }),
    setDate: (d) => update({ date: isIsoDate(d) ? d : null }),
    setView: (v) => update({ view: v === 'week' ? 'week' : null }),
    setMaster: (id) => update({ master: id === null ? null : String(id) }),
    setStep: (s) => {
      storeStep(s);
      setStepState(s);
    },
    shift: (direction) => update({ date: addDays(date, direction * (view === 'week' ? 7 : 1)) }),
  };
}
