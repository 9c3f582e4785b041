import { createTheme, type MantineColorsTuple } from '@mantine/core';

// "Kvitka" is Ukrainian for "flower": a petal pink-magenta as the brand colour.
const kvitka: MantineColorsTuple = [
  '#fff0f6',
  '#ffdeeb',
  '#fcc2d7',
  '#f9a3c4',
  '#f17fac',
  '#e6609a',
  '#d6468a',
  '#bd3478',
  '#a32a68',
  '#861f55',
];

export const theme = createTheme({
  primaryColor: 'kvitka',
  primaryShade: { light: 6, dark: 5 },
  colors: { kvitka },
  defaultRadius: 'md',
  cursorType: 'pointer',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: {
    fontFamily:
      'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
    fontWeight: '700',
  },
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Card: { defaultProps: { radius: 'lg', withBorder: true } },
    Paper: { defaultProps: { radius: 'lg' } },
    TextInput: { defaultProps: { radius: 'md' } },
    PasswordInput: { defaultProps: { radius: 'md' } },
    Select: { defaultProps: { radius: 'md' } },
  },
});
