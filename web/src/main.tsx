import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setLanguageSource } from './app/api';
import { App } from './app/App';
import i18n from './i18n';

setLanguageSource(() => i18n.resolvedLanguage ?? i18n.language);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
