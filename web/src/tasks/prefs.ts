// The reminders panel's choices kept in this browser (localStorage).

const MUTED_KEY = 'kvitka.tasks.muted';
const MINE_KEY = 'kvitka.tasks.mine';

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

export function storedMuted(): boolean {
  return read(MUTED_KEY) === 'on';
}

export function storeMuted(muted: boolean): void {
  write(MUTED_KEY, muted ? 'on' : 'off');
}

/** Whether the panel shows only the user's own tasks (the default for a manager is all). */
export function storedMine(): boolean {
  return read(MINE_KEY) === 'on';
}

export function storeMine(mine: boolean): void {
  write(MINE_KEY, mine ? 'on' : 'off');
}
