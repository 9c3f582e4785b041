import { Box, Text } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { timeInZone } from '../staff/zoned';
import { lanePosition } from './AppointmentBlock';
import type { Column } from './grid';
import classes from './Journal.module.css';
import { heightPx, topPx, type GroupPiece, type MinuteSpan, type Placed } from './layout';

interface Props {
  placed: Placed<GroupPiece>;
  column: Column;
  range: MinuteSpan;
  step: number;
  timeZone: string;
  onOpen: (piece: GroupPiece) => void;
}

/** A group class in its master's column, with the seats taken ("3/8"). */
export function GroupEventBlock({ placed, column, range, step, timeZone, onOpen }: Props) {
  const { t } = useTranslation();
  const { piece, lane, lanes } = placed;
  const e = piece.event;
  const span = { start: (piece.start - column.midnight) / 60_000, end: (piece.end - column.midnight) / 60_000 };
  const cancelled = e.status === 'cancelled';
  const color = cancelled ? 'gray' : 'grape';
  const seats = `${e.seats_taken}/${e.capacity}`;
  const time = `${timeInZone(e.start, timeZone)}–${timeInZone(e.end, timeZone)}`;
  return (
    <Box
      className={classes.block}
      data-testid={`group-event-${e.id}`}
      data-status={cancelled ? 'cancelled' : 'scheduled'}
      role="button"
      tabIndex={0}
      aria-label={t('journal.group.label', { name: e.service_name, time, seats })}
      onClick={() => onOpen(piece)}
      onKeyDown={(ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          onOpen(piece);
        }
      }}
      style={{
        top: topPx(span.start, range, step),
        height: heightPx(span, step),
        ...lanePosition(lane, lanes),
        background: `var(--mantine-color-${color}-1)`,
        borderLeft: `4px solid var(--mantine-color-${color}-6)`,
        color: `var(--mantine-color-${color}-9)`,
        zIndex: 1,
      }}
    >
      <Text span size="xs" fw={700}>
        {time}
      </Text>{' '}
      <Text span size="xs" fw={700} data-testid={`group-event-${e.id}-seats`}>
        <IconUsersGroup size={12} style={{ verticalAlign: -2 }} /> {seats}
      </Text>
      <Text size="xs" lineClamp={2}>
        {e.service_name}
      </Text>
    </Box>
  );
}
