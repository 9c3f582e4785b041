import { useDraggable } from '@dnd-kit/core';
import { Box, Group, Text } from '@mantine/core';
import { IconWorld } from '@tabler/icons-react';
import { useState, type PointerEvent as ReactPointerEvent, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { timeInZone } from '../staff/zoned';
import type { Column } from './grid';
import classes from './Journal.module.css';
import { heightPx, minutePx, snapDelta, toIso, topPx, type AppointmentPiece, type MinuteSpan, type Placed } from './layout';
import { isClosed, statusLook } from './status';

const MINUTE = 60_000;

/** What a dragged block carries to the drop handler. */
export interface DragData {
  piece: AppointmentPiece;
  column: Column;
}

interface Props {
  placed: Placed<AppointmentPiece>;
  column: Column;
  range: MinuteSpan;
  step: number;
  timeZone: string;
  movable: boolean;
  onOpen: (piece: AppointmentPiece) => void;
  onResize: (piece: AppointmentPiece, deltaMinutes: number) => void;
}

export function lanePosition(lane: number, lanes: number) {
  const width = 100 / Math.max(1, lanes);
  return { left: `calc(${lane * width}% + 2px)`, width: `calc(${width}% - 4px)` };
}

const stop = (e: SyntheticEvent) => e.stopPropagation();

export function AppointmentBlock({ placed, column, range, step, timeZone, movable, onOpen, onResize }: Props) {
  const { t } = useTranslation();
  const { piece, lane, lanes } = placed;
  const a = piece.appointment;
  const canMove = movable && !isClosed(a.status);
  const data: DragData = { piece, column };
  const drag = useDraggable({ id: piece.key, data, disabled: !canMove });
  const [extra, setExtra] = useState(0);

  const span = { start: (piece.start - column.midnight) / MINUTE, end: (piece.end - column.midnight) / MINUTE };
  const look = statusLook(a.status);
  const shift = drag.transform ? snapDelta(drag.transform.y, step) : 0;
  const grow = extra ? snapDelta(extra, step) : 0;
  const from = timeInZone(new Date(piece.start + shift * MINUTE), timeZone);
  const to = timeInZone(new Date(piece.end + (shift + grow) * MINUTE), timeZone);
  const items = a.items.filter((i) => piece.itemIds.includes(i.id));
  const minHeight = step * minutePx(step);

  const resizeDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    e.stopPropagation();
    e.preventDefault();
    const startY = e.clientY;
    const height = heightPx(span, step);
    const move = (ev: PointerEvent) => setExtra(Math.max(minHeight - height, ev.clientY - startY));
    const end = (ev: PointerEvent, commit: boolean) => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', cancel);
      setExtra(0);
      const delta = snapDelta(Math.max(minHeight - height, ev.clientY - startY), step);
      if (commit && delta !== 0) onResize(piece, delta);
    };
    const up = (ev: PointerEvent) => end(ev, true);
    const cancel = (ev: PointerEvent) => end(ev, false);
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', cancel);
  };

  return (
    <Box
      ref={drag.setNodeRef}
      className={classes.block}
      data-testid={`appointment-${a.id}`}
      data-status={a.status}
      data-staff-id={piece.staffId}
      data-start={toIso(piece.start)}
      {...drag.attributes}
      {...drag.listeners}
      role="button"
      tabIndex={0}
      aria-label={t('journal.block.label', { time: `${from}–${to}`, client: a.client?.name ?? '' })}
      onClick={() => onOpen(piece)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen(piece);
        }
      }}
      style={{
        top: topPx(span.start, range, step),
        height: heightPx(span, step) + extra,
        ...lanePosition(lane, lanes),
        background: look.background,
        borderLeft: `4px solid ${look.border}`,
        color: look.text,
        transform: drag.transform ? `translate3d(${drag.transform.x}px, ${drag.transform.y}px, 0)` : undefined,
        zIndex: drag.isDragging || extra ? 10 : 1,
        opacity: drag.isDragging ? 0.85 : undefined,
        cursor: canMove ? 'grab' : 'pointer',
      }}
    >
      {piece.processing.map((p) => (
        <Box
          key={p.start}
          className={`${classes.processingBand} ${classes.processing}`}
          style={{ top: ((p.start - piece.start) / MINUTE) * minutePx(step), height: ((p.end - p.start) / MINUTE) * minutePx(step) }}
          data-testid="journal-processing"
        />
      ))}
      <Box style={{ position: 'relative' }}>
        {a.source === 'online' && (
          <span
            className={classes.onlineBadge}
            role="img"
            aria-label={t('journal.online.badge')}
            title={t('journal.online.badge')}
            data-testid="appt-online-badge"
          >
            <IconWorld size={11} stroke={2} aria-hidden />
          </span>
        )}
        <Text span size="xs" fw={700} data-testid="block-time">
          {from}–{to}
        </Text>{' '}
        <Text span size="xs" fw={600}>
          {a.client?.name}
        </Text>
        <Text size="xs" lineClamp={2} style={{ opacity: 0.9 }}>
          {items.map((i) => i.service_name).join(', ')}
        </Text>
        {(a.client?.tags ?? []).length > 0 && (
          <Group gap={4} wrap="wrap">
            {a.client.tags.map((tag) => (
              <Text key={tag.id} span size="10px" fw={600} style={{ color: tag.color }}>
                ● {tag.name}
              </Text>
            ))}
          </Group>
        )}
      </Box>
      {canMove && (
        <div
          className={classes.resize}
          onPointerDown={resizeDown}
          onMouseDown={stop}
          onTouchStart={stop}
          onClick={stop}
          aria-hidden
          data-testid={`appointment-${a.id}-resize`}
        />
      )}
    </Box>
  );
}
