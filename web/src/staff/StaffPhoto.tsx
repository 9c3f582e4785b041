import { Avatar, Button, FileButton, Group, Stack, Text, type AvatarProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ComponentPropsWithoutRef } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../app/problems';
import { initials, textOn } from '../clients/format';
import { deleteStaffPhoto, staffKeys, uploadStaffPhoto } from './api';
import { MAX_STAFF_PHOTO_SIZE, STAFF_PHOTO_TYPES, staffPhotoProblem } from './photo';
import type { Staff } from './types';

type AvatarStaff = Pick<Staff, 'name' | 'color'> & { photo_url?: string | null };

/** A master's photo, or their initials on their colour. */
export function StaffAvatar({ staff, ...props }: { staff: AvatarStaff } & Omit<AvatarProps, 'src' | 'children'>) {
  return (
    <Avatar
      radius="xl"
      {...props}
      src={staff.photo_url || null}
      alt={staff.name}
      styles={{ placeholder: { background: staff.color, color: textOn(staff.color) } }}
    >
      {initials(staff.name)}
    </Avatar>
  );
}

const MAX_MB = MAX_STAFF_PHOTO_SIZE / (1024 * 1024);

/** The photo of a master in the editor, with upload and remove. */
export function StaffPhoto({ staff, readOnly = false }: { staff: Staff; readOnly?: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // The drawer holds the master as it was opened: the photo is followed here.
  const [photoUrl, setPhotoUrl] = useState<string | null>(staff.photo_url ?? null);
  const [error, setError] = useState<string | null>(null);
  const resetRef = useRef<() => void>(null);

  const applied = (saved: Staff | undefined, url: string | null) => {
    setPhotoUrl(saved ? (saved.photo_url ?? null) : url);
    if (saved) queryClient.setQueryData(staffKeys.detail(saved.id), saved);
    else void queryClient.invalidateQueries({ queryKey: staffKeys.detail(staff.id) });
    void queryClient.invalidateQueries({ queryKey: staffKeys.all });
  };
  const failed = (e: unknown) => {
    const { title, detail } = problemText(t, e);
    setError(detail ? `${title} ${detail}` : title);
  };
  const upload = useMutation({
    mutationFn: (file: File) => uploadStaffPhoto(staff.id, file),
    onSuccess: (saved) => {
      applied(saved, photoUrl);
      notifications.show({ color: 'teal', message: t('staff.photo.uploaded') });
    },
    onError: failed,
  });
  const remove = useMutation({
    mutationFn: () => deleteStaffPhoto(staff.id),
    onSuccess: (saved) => applied(saved ?? undefined, null),
    onError: failed,
  });

  const pick = (file: File | null) => {
    resetRef.current?.();
    if (!file) return;
    const problem = staffPhotoProblem(file);
    if (problem) {
      setError(
        problem === 'size'
          ? t('staff.photo.tooBig', { mb: MAX_MB })
          : problem === 'empty'
            ? t('staff.photo.empty')
            : t('staff.photo.badType'),
      );
      return;
    }
    setError(null);
    upload.mutate(file);
  };

  const busy = upload.isPending || remove.isPending;
  return (
    <Group gap="md" wrap="nowrap" align="center" data-testid="staff-photo">
      <StaffAvatar staff={{ ...staff, photo_url: photoUrl }} size={72} data-testid="staff-photo-avatar" />
      {!readOnly && (
        <Stack gap={4} miw={0}>
          <Group gap="xs">
            <FileButton
              onChange={pick}
              accept={STAFF_PHOTO_TYPES.join(',')}
              resetRef={resetRef}
              disabled={busy}
              inputProps={{ 'data-testid': 'staff-photo-upload' } as ComponentPropsWithoutRef<'input'>}
            >
              {(props) => (
                <Button
                  {...props}
                  size="xs"
                  variant="light"
                  leftSection={<IconUpload size={14} />}
                  loading={upload.isPending}
                  data-testid="staff-photo-upload-button"
                >
                  {photoUrl ? t('staff.photo.replace') : t('staff.photo.upload')}
                </Button>
              )}
            </FileButton>
            {photoUrl && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={14} />}
                loading={remove.isPending}
                disabled={busy}
                onClick={() => {
                  setError(null);
                  remove.mutate();
                }}
                data-testid="staff-photo-remove"
              >
                {t('staff.photo.remove')}
              </Button>
            )}
          </Group>
          {error ? (
            <Text size="xs" c="red" role="alert" data-testid="staff-photo-error">
              {error}
            </Text>
          ) : (
            <Text size="xs" c="dimmed">
              {t('staff.photo.hint', { mb: MAX_MB })}
            </Text>
          )}
        </Stack>
      )}
    </Group>
  );
}
