import { Badge, Chip, ColorSwatch, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Tag } from './types';

/** A client's tags as small coloured badges. */
export function TagBadges({ tags, size = 'sm' }: { tags: readonly Tag[]; size?: 'xs' | 'sm' | 'md' }) {
  if (tags.length === 0) return null;
  return (
    <Group gap={4} wrap="wrap">
      {tags.map((tag) => (
        <Badge
          key={tag.id}
          size={size}
          radius="sm"
          variant="filled"
          color={tag.color}
          autoContrast
          tt="none"
          data-testid={`tag-badge-${tag.id}`}
        >
          {tag.name}
        </Badge>
      ))}
    </Group>
  );
}

interface PickerProps {
  tags: readonly Tag[];
  value: readonly number[];
  onChange: (ids: number[]) => void;
  testId?: string;
  disabled?: boolean;
}

/** Multi-select of tags as coloured chips. */
export function TagPicker({ tags, value, onChange, testId, disabled }: PickerProps) {
  const { t } = useTranslation();
  if (tags.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid={testId}>
        {t('clients.tags.none')}
      </Text>
    );
  }
  return (
    <Chip.Group multiple value={value.map(String)} onChange={(ids) => onChange(ids.map(Number))}>
      <Group gap={6} data-testid={testId}>
        {tags.map((tag) => (
          <Chip
            key={tag.id}
            value={String(tag.id)}
            color={tag.color}
            autoContrast
            variant="filled"
            size="sm"
            disabled={disabled}
            wrapperProps={{ 'data-testid': `tag-chip-${tag.id}` }}
            styles={{ label: { paddingInlineStart: value.includes(tag.id) ? undefined : 12 } }}
          >
            {!value.includes(tag.id) && (
              <ColorSwatch component="span" color={tag.color} size={10} withShadow={false} mr={6} style={{ verticalAlign: "middle", display: "inline-block", marginTop: -2 }} />
            )}
            {tag.name}
          </Chip>
        ))}
      </Group>
    </Chip.Group>
  );
}
