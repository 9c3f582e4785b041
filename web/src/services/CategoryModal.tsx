import { ActionIcon, Button, ColorInput, Group, Modal, SimpleGrid, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { splitFieldErrors } from '../app/problems';
import { catalogKeys, createCategory, deleteCategory, updateCategory } from './api';
import { CATEGORY_ICON_NAMES, CATEGORY_ICONS, COLOR_SWATCHES, HEX_COLOR } from './categoryIcons';
import type { Category } from './types';

interface Props {
  /** null: a new category. */
  category: Category | null;
  onClose: () => void;
}

/** Create or edit a category (name, colour, icon); delete an empty one. */
export function CategoryModal({ category, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const form = useForm({
    initialValues: {
      name: category?.name ?? '',
      color: category?.color ?? COLOR_SWATCHES[0],
      icon: category?.icon ?? 'sparkles',
    },
    validate: {
      name: (v) => (v.trim() ? null : t('errors.field.required')),
      color: (v) => (HEX_COLOR.test(v) ? null : t('errors.field.invalid_color')),
    },
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: catalogKeys.categories });
    void queryClient.invalidateQueries({ queryKey: catalogKeys.allServices });
  };
  const save = useMutation({
    mutationFn: (v: typeof form.values) => {
      const body = { name: v.name.trim(), color: v.color.toLowerCase(), icon: v.icon };
      return category ? updateCategory(category.id, body) : createCategory(body);
    },
    onSuccess: (saved) => {
      refresh();
      notifications.show({ color: 'teal', message: t('services.category.saved', { name: saved.name }) });
      onClose();
    },
    onError: (error) => form.setErrors(splitFieldErrors(t, error, ['name', 'color', 'icon']).fields),
  });
  const remove = useMutation({
    mutationFn: () => deleteCategory(category!.id),
    onSuccess: () => {
      refresh();
      notifications.show({ color: 'teal', message: t('services.category.deleted', { name: category!.name }) });
      onClose();
    },
    onError: () => setConfirmDelete(false),
  });
  const { other } = splitFieldErrors(t, save.error, ['name', 'color', 'icon']);
  const notEmpty = isApiError(remove.error) && remove.error.code === 'category-not-empty';

  return (
    <Modal
      opened
      onClose={onClose}
      title={category ? t('services.category.editTitle') : t('services.category.new')}
      centered
      radius="lg"
    >
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack>
          {save.error && <ProblemAlert error={save.error} extra={other} />}
          {remove.error &&
            (notEmpty ? (
              <ProblemAlert error={remove.error} testId="category-not-empty" />
            ) : (
              <ProblemAlert error={remove.error} />
            ))}
          <TextInput
            label={t('services.category.name')}
            data-autofocus
            maxLength={100}
            data-testid="category-form-name"
            {...form.getInputProps('name')}
          />
          <ColorInput
            label={t('services.category.color')}
            format="hex"
            swatches={COLOR_SWATCHES}
            swatchesPerRow={7}
            withEyeDropper={false}
            data-testid="category-form-color"
            {...form.getInputProps('color')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('services.category.icon')}
            </Text>
            <SimpleGrid cols={{ base: 6, xs: 8 }} spacing={6} verticalSpacing={6}>
              {CATEGORY_ICON_NAMES.map((name) => {
                const Icon = CATEGORY_ICONS[name];
                const selected = form.values.icon === name;
                return (
                  <Tooltip key={name} label={t(`services.icons.${name}`)} openDelay={300}>
                    <ActionIcon
                      size={38}
                      radius="md"
                      variant={selected ? 'filled' : 'light'}
                      color={HEX_COLOR.test(form.values.color) ? form.values.color : 'gray'}
                      onClick={() => form.setFieldValue('icon', name)}
                      aria-label={t(`services.icons.${name}`)}
                      aria-pressed={selected}
                      data-testid={`category-icon-${name}`}
                    >
                      <Icon size={20} stroke={1.6} />
                    </ActionIcon>
                  </Tooltip>
                );
              })}
            </SimpleGrid>
          </Stack>
          <Group justify="space-between" mt="xs">
            {category ? (
              confirmDelete ? (
                <Group gap="xs">
                  <Button
                    color="red"
                    loading={remove.isPending}
                    onClick={() => remove.mutate()}
                    data-testid="category-delete-confirm"
                  >
                    {t('services.category.deleteConfirm')}
                  </Button>
                  <Button variant="subtle" color="gray" onClick={() => setConfirmDelete(false)}>
                    {t('common.cancel')}
                  </Button>
                </Group>
              ) : (
                <Button
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={16} />}
                  onClick={() => setConfirmDelete(true)}
                  data-testid="category-delete"
                >
                  {t('common.delete')}
                </Button>
              )
            ) : (
              <span />
            )}
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} data-testid="category-form-submit">
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
