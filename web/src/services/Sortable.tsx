// Drag-to-reorder lists (dnd-kit): a vertical list of items moved by a handle,
// with the pointer (mouse, touch, pen) or the keyboard (space, arrows, space).
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DraggableAttributes,
  type DraggableSyntheticListeners,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon } from '@mantine/core';
import { IconGripVertical } from '@tabler/icons-react';
import type { CSSProperties, ReactNode } from 'react';

/** The order after moving `active` to where `over` was, or null when nothing moved. */
export function movedOrder<T extends string | number>(ids: readonly T[], active: T, over: T | null | undefined): T[] | null {
  if (over === null || over === undefined || active === over) return null;
  const from = ids.indexOf(active);
  const to = ids.indexOf(over);
  if (from < 0 || to < 0) return null;
  return arrayMove([...ids], from, to);
}

interface ListProps {
  ids: string[];
  onReorder: (ids: string[]) => void;
  children: ReactNode;
}

export function SortableList({ ids, onReorder, children }: ListProps) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const onDragEnd = (event: DragEndEvent) => {
    const next = movedOrder(ids, String(event.active.id), event.over ? String(event.over.id) : null);
    if (next) onReorder(next);
  };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        {children}
      </SortableContext>
    </DndContext>
  );
}

export interface SortableItem {
  setNodeRef: (node: HTMLElement | null) => void;
  style: CSSProperties;
  handle: { attributes: DraggableAttributes; listeners: DraggableSyntheticListeners };
  dragging: boolean;
}

export function useSortableItem(id: string, disabled = false): SortableItem {
  const s = useSortable({ id, disabled });
  return {
    setNodeRef: s.setNodeRef,
    style: {
      transform: CSS.Translate.toString(s.transform),
      transition: s.transition,
      position: 'relative',
      zIndex: s.isDragging ? 3 : undefined,
      opacity: s.isDragging ? 0.85 : undefined,
    },
    handle: { attributes: s.attributes, listeners: s.listeners },
    dragging: s.isDragging,
  };
}

export function DragHandle({ handle, label, testId }: { handle: SortableItem['handle']; label: string; testId?: string }) {
  return (
    <ActionIcon
      variant="subtle"
      color="gray"
      size="md"
      aria-label={label}
      title={label}
      data-testid={testId}
      style={{ cursor: 'grab', touchAction: 'none' }}
      {...handle.attributes}
      {...handle.listeners}
    >
      <IconGripVertical size={16} />
    </ActionIcon>
  );
}
