import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  opened: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Book outside working hours?" after the server said the time is outside them. */
export function OutsideHoursModal({ opened, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('journal.outside.title')} centered radius="lg">
      <Text size="sm" mb="md">
        {t('journal.outside.text')}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color="orange" onClick={onConfirm} data-testid="outside-hours-confirm">
          {t('journal.outside.confirm')}
        </Button>
      </Group>
    </Modal>
  );
}
