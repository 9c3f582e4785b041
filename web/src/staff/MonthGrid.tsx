import { Box, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useRef, type CSSProperties, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { weekdayNames, type MonthCell } from './dates';
import { isSelected, type DaySelection } from './paint';

export interface DayLook {
  content?: ReactNode;
  background?: string;
  /** Greyed (a day off). */
  muted?: boolean;
  title?: string;
  /** A small marker in the corner (an exception). */
  marker?: string;
  /** Extra data-* attributes describing the day (for tests and styling). */
  data?: Record<string, string | undefined>;
}

interface Props {
  weeks: MonthCell[][];
  today: string;
  /** data-testid of the grid; cells get `${testId.replace('-month', '')}-day-YYYY-MM-DD`. */
  testId: string;
  dayTestId: (date: string) => string;
  look: (cell: MonthCell) => DayLook;
  selection?: DaySelection | null;
  /** A day picked: `extend` when the range should grow from the anchor. */
  onPick?: (date: string, extend: boolean) => void;
}

/** A month at a glance: 7 columns, Monday first, leading and trailing days dimmed. */
export function MonthGrid({ weeks, today, testId, dayTestId, look, selection = null, onPick }: Props) {
  const { i18n } = useTranslation();
  const names = weekdayNames(i18n.language, 'short');
  const dragging = useRef(false);
  // After a tap on a touch screen, the next tap ends the range (there is no shift key).
  const tapExtends = useRef(false);

  useEffect(() => {
    const stop = () => {
      dragging.current = false;
    };
    window.addEventListener('pointerup', stop);
    window.addEventListener('pointercancel', stop);
    return () => {
      window.removeEventListener('pointerup', stop);
      window.removeEventListener('pointercancel', stop);
    };
  }, []);

  const down = (date: string, e: ReactPointerEvent) => {
    if (!onPick || (e.button !== undefined && e.button > 0)) return;
    const touch = e.pointerType === 'touch' || e.pointerType === 'pen';
    if (touch) {
      onPick(date, e.shiftKey || (tapExtends.current && !!selection));
      tapExtends.current = !tapExtends.current;
      return;
    }
    e.preventDefault(); // no text selection while dragging over days
    tapExtends.current = false;
    dragging.current = true;
    onPick(date, e.shiftKey);
  };
  const enter = (date: string) => {
    if (dragging.current && onPick) onPick(date, true);
  };

  const grid: CSSProperties = {
    display: 'grid',
    gridTemplateColumns: 'repeat(7, minmax(0, 1fr))',
    gap: 3,
  };

  return (
    <Box data-testid={testId} style={{ userSelect: 'none' }}>
      <Box style={grid} mb={4} aria-hidden>
        {names.map((n, i) => (
          <Text key={n} size="xs" fw={600} c={i >= 5 ? 'red.7' : 'dimmed'} ta="center" tt="capitalize">
            {n}
          </Text>
        ))}
      </Box>
      <Box style={grid} role="grid">
        {weeks.flat().map((cell) => {
          const l = look(cell);
          const selected = isSelected(selection, cell.date);
          const isToday = cell.date === today;
          return (
            <UnstyledButton
              key={cell.date}
              data-testid={dayTestId(cell.date)}
              data-selected={selected || undefined}
              data-in-month={cell.inMonth || undefined}
              {...Object.fromEntries(Object.entries(l.data ?? {}).map(([k, v]) => [`data-${k}`, v]))}
              title={l.title}
              aria-pressed={onPick ? selected : undefined}
              onPointerDown={(e) => down(cell.date, e)}
              onPointerEnter={() => enter(cell.date)}
              onKeyDown={(e) => {
                if (onPick && (e.key === 'Enter' || e.key === ' ')) {
                  e.preventDefault();
                  onPick(cell.date, e.shiftKey);
                }
              }}
              tabIndex={onPick ? 0 : -1}
              style={{
                position: 'relative',
                minHeight: 64,
                padding: '4px 3px',
                borderRadius: 8,
                display: 'flex',
                flexDirection: 'column',
                alignItems: 'stretch',
                justifyContent: 'flex-start',
                overflow: 'hidden',
                cursor: onPick ? 'pointer' : 'default',
                opacity: cell.inMonth ? 1 : 0.45,
                background: selected
                  ? 'var(--mantine-color-kvitka-1)'
                  : (l.background ?? (l.muted ? 'var(--mantine-color-gray-1)' : 'var(--mantine-color-white)')),
                border: selected
                  ? '2px solid var(--mantine-color-kvitka-6)'
                  : isToday
                    ? '2px solid var(--mantine-color-kvitka-4)'
                    : '1px solid var(--mantine-color-gray-3)',
                touchAction: 'manipulation',
              }}
            >
              <Text
                size="xs"
                fw={isToday ? 800 : 600}
                c={l.muted ? 'dimmed' : isToday ? 'kvitka.7' : undefined}
                lh={1.2}
              >
                {cell.day}
              </Text>
              {l.content}
              {l.marker && (
                <Box
                  aria-hidden
                  style={{
                    position: 'absolute',
                    top: 4,
                    right: 4,
                    width: 6,
                    height: 6,
                    borderRadius: 3,
                    background: l.marker,
                  }}
                />
              )}
            </UnstyledButton>
          );
        })}
      </Box>
    </Box>
  );
}
