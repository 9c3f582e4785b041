import { IconBrandTelegram, IconDeviceMobileMessage, IconMail, IconMessageCircle } from '@tabler/icons-react';
import type { ChannelName } from './types';

const ICONS = {
  telegram: IconBrandTelegram,
  viber: IconMessageCircle,
  sms: IconDeviceMobileMessage,
  email: IconMail,
} satisfies Record<ChannelName, typeof IconMail>;

/** The icon of a channel (Tabler has no Viber mark: a speech bubble stands for it). */
export function ChannelIcon({ channel, size = 18 }: { channel: ChannelName; size?: number }) {
  const Icon = ICONS[channel] ?? IconMessageCircle;
  return <Icon size={size} stroke={1.6} aria-hidden />;
}
