import { useDroppable } from '@dnd-kit/core';
import { Box } from '@mantine/core';
import { useMemo } from 'react';
import { timeInZone } from '../staff/zoned';
import { AppointmentBlock } from './AppointmentBlock';
import { GroupEventBlock } from './GroupEventBlock';
import { isWorking, type Column } from './grid';
import classes from './Journal.module.css';
import {
  layoutLanes,
  rowHeight,
  toIso,
  topPx,
  type AppointmentPiece,
  type GroupPiece,
  type MinuteSpan,
  type Placed,
} from './layout';

const MINUTE = 60_000;

interface Props {
  column: Column;
  range: MinuteSpan;
  rows: number[];
  step: number;
  timeZone: string;
  now: number;
  canBook: boolean;
  onCell: (column: Column, minute: number) => void;
  onOpenAppointment: (piece: AppointmentPiece) => void;
  onOpenGroup: (piece: GroupPiece) => void;
  onResize: (piece: AppointmentPiece, deltaMinutes: number) => void;
}

/** One master on one date: shading, clickable cells, the "now" line and the blocks. */
export function JournalColumn(props: Props) {
  const { column, range, rows, step, timeZone, now, canBook } = props;
  const drop = useDroppable({ id: column.key, data: { column } });
  const height = (range.end - range.start) * (rowHeight(step) / step);
  const cells = useMemo(
    () =>
      rows.map((m) => {
        const at = column.midnight + m * MINUTE;
        return { m, start: toIso(at), time: timeInZone(new Date(at), timeZone), working: isWorking(column, m, m + step) };
      }),
    [rows, column, timeZone, step],
  );
  const placed = layoutLanes(column.pieces);
  const nowMinute = (now - column.midnight) / MINUTE;
  const showNow = nowMinute >= range.start && nowMinute <= range.end && nowMinute < column.length;

  return (
    <Box
      ref={drop.setNodeRef}
      className={`${classes.column} ${column.closed ? classes.closed : ''}`}
      data-testid={`journal-column-${column.staff.id}`}
      data-date={column.date}
      data-closed={column.closed || undefined}
      data-over={drop.isOver || undefined}
      style={{ height, outline: drop.isOver ? '2px solid var(--mantine-color-kvitka-3)' : undefined, outlineOffset: -2 }}
    >
      {!column.closed &&
        column.working.map((w) => {
          const start = Math.max(w.start, range.start);
          const end = Math.min(w.end, range.end);
          if (end <= start) return null;
          return (
            <Box
              key={w.start}
              className={classes.working}
              style={{ top: topPx(start, range, step), height: topPx(end, range, step) - topPx(start, range, step) }}
              data-testid="journal-working"
            />
          );
        })}
      {cells.map((c) => (
        <div
          key={c.m}
          className={classes.cell}
          style={{ height: rowHeight(step) }}
          data-testid="journal-cell"
          data-staff-id={column.staff.id}
          data-date={column.date}
          data-time={c.time}
          data-start={c.start}
          data-working={c.working}
          data-hour={c.m % 60 === 0 ? true : undefined}
          data-clickable={canBook || undefined}
          onClick={canBook ? () => props.onCell(column, c.m) : undefined}
        />
      ))}
      {showNow && <div className={classes.now} style={{ top: topPx(nowMinute, range, step) }} data-testid="journal-now" />}
      {placed.map((p) =>
        p.piece.kind === 'appointment' ? (
          <AppointmentBlock
            key={p.piece.key}
            placed={p as Placed<AppointmentPiece>}
            column={column}
            range={range}
            step={step}
            timeZone={timeZone}
            movable={canBook}
            onOpen={props.onOpenAppointment}
            onResize={props.onResize}
          />
        ) : (
          <GroupEventBlock
            key={p.piece.key}
            placed={p as Placed<GroupPiece>}
            column={column}
            range={range}
            step={step}
            timeZone={timeZone}
            onOpen={props.onOpenGroup}
          />
        ),
      )}
    </Box>
  );
}
