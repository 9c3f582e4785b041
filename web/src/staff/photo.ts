// The photo of a master: what the server takes (PUT /api/v1/staff/{id}/photo).

export const STAFF_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_STAFF_PHOTO_SIZE = 5 * 1024 * 1024;

/** Why a picked file cannot be a master's photo, or null. */
export function staffPhotoProblem(file: Pick<File, 'type' | 'size'>): 'type' | 'size' | 'empty' | null {
  if (!(STAFF_PHOTO_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_STAFF_PHOTO_SIZE) return 'size';
  return null;
}
