import { DndContext, MouseSensor, pointerWithin, TouchSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { Badge, Box, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { shortDate, weekdayNames, weekdayOf } from '../staff/dates';
import { timeInZone } from '../staff/zoned';
import type { DragData } from './AppointmentBlock';
import type { Column } from './grid';
import classes from './Journal.module.css';
import { JournalColumn } from './JournalColumn';
import { rowHeight, rowsOf, snapDelta, topPx, type AppointmentPiece, type GroupPiece, type MinuteSpan } from './layout';

const MINUTE = 60_000;
const AXIS_PX = 56;
const GROUP_ROW_PX = 30;

interface Props {
  columns: Column[];
  range: MinuteSpan;
  step: number;
  timeZone: string;
  today: string;
  now: number;
  canBook: boolean;
  onCell: (column: Column, minute: number) => void;
  onOpenAppointment: (piece: AppointmentPiece) => void;
  onOpenGroup: (piece: GroupPiece) => void;
  /** A block dropped `shiftMs` later (or earlier) in `target`. */
  onMove: (piece: AppointmentPiece, target: Column, shiftMs: number) => void;
  onResize: (piece: AppointmentPiece, deltaMinutes: number) => void;
}

/** Masters in columns (grouped by date in the week view), times down the left. */
export function JournalGrid(props: Props) {
  const { columns, range, step, timeZone, today } = props;
  const { t, i18n } = useTranslation();
  const lastDrag = useRef(0);
  const scroller = useRef<HTMLDivElement>(null);
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    // On touch screens a long press starts a drag, so a swipe still scrolls.
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
  );
  const rows = rowsOf(range, step);
  const dates = [...new Set(columns.map((c) => c.date))];
  const perDate = dates.length > 0 ? columns.length / dates.length : 0;
  const grouped = dates.length > 1 && perDate > 1;
  const minWidth = grouped ? 110 : 150;
  const names = weekdayNames(i18n.language, 'short');
  const midnight = columns[0]?.midnight ?? 0;

  // A new day or step opens at the current time (a third from the top) when today is shown.
  const todayColumn = columns.find((c) => c.date === today);
  const nowTop = todayColumn ? topPx((props.now - todayColumn.midnight) / MINUTE, range, step) : -1;
  const scrollKey = `${dates[0]}|${dates.length}|${step}|${todayColumn ? 1 : 0}`;
  useEffect(() => {
    const el = scroller.current;
    if (el && nowTop > 0 && nowTop < (range.end - range.start) * (rowHeight(step) / step)) {
      el.scrollTop = Math.max(0, nowTop - el.clientHeight / 3);
    }
    // Only when what is shown changes, not every minute.
  }, [scrollKey]);

  const onDragEnd = (e: DragEndEvent) => {
    lastDrag.current = Date.now();
    const source = e.active.data.current as DragData | undefined;
    if (!source) return;
    const target = (e.over?.data.current as { column: Column } | undefined)?.column ?? source.column;
    const shift = target.midnight - source.column.midnight + snapDelta(e.delta.y, step) * MINUTE;
    props.onMove(source.piece, target, shift);
  };
  const afterDrag = <T,>(open: (p: T) => void) => (p: T) => {
    if (Date.now() - lastDrag.current > 300) open(p);
  };

  const dateLabel = (date: string): ReactNode => (
    <Group gap={4} justify="center" wrap="nowrap">
      <Text size="sm" fw={date === today ? 800 : 600} c={date === today ? 'kvitka.7' : undefined} tt="capitalize">
        {names[weekdayOf(date)]} {shortDate(date, i18n.language)}
      </Text>
      {columns.some((c) => c.date === date && c.closed) && (
        <Badge size="xs" color="gray" data-testid={`journal-closed-${date}`}>
          {t('journal.closed')}
        </Badge>
      )}
    </Group>
  );
  const masterLabel = (c: Column) => (
    <Stack gap={0} align="center" px={4} py={4}>
      <Group gap={6} wrap="nowrap" maw="100%">
        <Box w={10} h={10} style={{ borderRadius: '50%', background: c.staff.color, flex: 'none' }} />
        <Text size="sm" fw={600} truncate="end">
          {c.staff.name}
        </Text>
      </Group>
      {!grouped && dates.length > 1 ? dateLabel(c.date) : c.staff.position && (
        <Text size="xs" c="dimmed" truncate="end" maw="100%">
          {c.staff.position}
        </Text>
      )}
    </Stack>
  );

  return (
    <DndContext sensors={sensors} collisionDetection={pointerWithin} onDragEnd={onDragEnd}>
      <div ref={scroller} className={classes.scroller} data-testid="journal-grid" data-step={step}>
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: `${AXIS_PX}px repeat(${columns.length}, minmax(${minWidth}px, 1fr))`,
            minWidth: AXIS_PX + columns.length * minWidth,
          }}
        >
          {grouped && (
            <>
              <div className={classes.corner} style={{ height: GROUP_ROW_PX }} />
              {dates.map((d) => (
                <div key={d} className={classes.headerCell} style={{ gridColumn: `span ${perDate}`, height: GROUP_ROW_PX, padding: 4 }} data-testid={`journal-date-${d}`}>
                  {dateLabel(d)}
                </div>
              ))}
            </>
          )}
          <div className={classes.corner} style={grouped ? { top: GROUP_ROW_PX } : undefined} />
          {columns.map((c) => (
            <div key={c.key} className={classes.headerCell} style={grouped ? { top: GROUP_ROW_PX } : undefined} data-testid={`journal-header-${c.staff.id}`}>
              {dates.length === 1 && c.closed ? (
                <>
                  {masterLabel(c)}
                  <Badge size="xs" color="gray" display="block" mx="auto" mb={4} data-testid={`journal-closed-${c.date}`}>
                    {t('journal.closed')}
                  </Badge>
                </>
              ) : (
                masterLabel(c)
              )}
            </div>
          ))}
          <div className={classes.axis}>
            {rows.map((m) => (
              <div key={m} style={{ height: rowHeight(step), paddingRight: 6, textAlign: 'right' }}>
                <Text size="xs" fw={m % 60 === 0 ? 700 : 400} c={m % 60 === 0 ? undefined : 'dimmed'} lh={1} mt={-1}>
                  {timeInZone(new Date(midnight + m * MINUTE), timeZone)}
                </Text>
              </div>
            ))}
          </div>
          {columns.map((c) => (
            <JournalColumn
                key={c.key}
                column={c}
                range={range}
                rows={rows}
                step={step}
                timeZone={timeZone}
                now={props.now}
                canBook={props.canBook}
                onCell={props.onCell}
                onOpenAppointment={afterDrag(props.onOpenAppointment)}
                onOpenGroup={props.onOpenGroup}
                onResize={props.onResize}
              />
          ))}
        </div>
      </div>
    </DndContext>
  );
}
