// Journal preferences kept in this browser (localStorage).
import { STEPS, type Step } from './layout';

const STEP_KEY = 'kvitka.journal.step';
const SOUND_KEY = 'kvitka.journal.sound';

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Private mode or storage full: the choice lasts for this page only.
  }
}

export function storedStep(fallback: Step = 15): Step {
  const n = Number(read(STEP_KEY));
  return (STEPS as readonly number[]).includes(n) ? (n as Step) : fallback;
}

export function storeStep(step: Step): void {
  write(STEP_KEY, String(step));
}

export function storedSound(): boolean {
  return read(SOUND_KEY) === 'on';
}

export function storeSound(on: boolean): void {
  write(SOUND_KEY, on ? 'on' : 'off');
}
