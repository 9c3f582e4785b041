// Icons a service category can have: API name -> Tabler icon.
import {
  IconBarbell,
  IconBath,
  IconBrush,
  IconCrown,
  IconDiamond,
  IconDroplet,
  IconEye,
  IconFeather,
  IconFlower,
  IconHandFinger,
  IconHeart,
  IconLeaf,
  IconMassage,
  IconNeedle,
  IconPalette,
  IconRazor,
  IconScissors,
  IconSparkles,
  IconStar,
  IconSun,
  IconWand,
  IconYoga,
  type TablerIcon,
} from '@tabler/icons-react';

export const CATEGORY_ICONS: Record<string, TablerIcon> = {
  scissors: IconScissors,
  razor: IconRazor,
  brush: IconBrush,
  palette: IconPalette,
  hand: IconHandFinger,
  eye: IconEye,
  sparkles: IconSparkles,
  droplet: IconDroplet,
  massage: IconMassage,
  leaf: IconLeaf,
  flower: IconFlower,
  heart: IconHeart,
  star: IconStar,
  diamond: IconDiamond,
  crown: IconCrown,
  sun: IconSun,
  yoga: IconYoga,
  barbell: IconBarbell,
  bath: IconBath,
  needle: IconNeedle,
  wand: IconWand,
  feather: IconFeather,
};

export const CATEGORY_ICON_NAMES = Object.keys(CATEGORY_ICONS);

/** Known icons by name; anything else (a newer server's icon) shows sparkles. */
export function categoryIcon(name: string | null | undefined): TablerIcon {
  return (name && CATEGORY_ICONS[name]) || IconSparkles;
}

export const COLOR_SWATCHES = [
  '#e64980',
  '#be4bdb',
  '#7950f2',
  '#4c6ef5',
  '#228be6',
  '#15aabf',
  '#12b886',
  '#40c057',
  '#82c91e',
  '#fab005',
  '#fd7e14',
  '#fa5252',
  '#868e96',
  '#495057',
];

export const HEX_COLOR = /^#[0-9a-f]{6}$/i;
