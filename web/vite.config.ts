import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The C++ server (build/kvitka serve) listens on 8080 by default; in development
// Vite serves the app and forwards API calls to it.
const backend = process.env.KVITKA_BACKEND ?? 'http://127.0.0.1:8080';
const proxy = {
  '/api': { target: backend, changeOrigin: false },
  '/healthz': { target: backend, changeOrigin: false },
};

export default defineConfig({
  // The public booking page (booking/, Preact) is built by booking/vite.config.ts;
  // React's plugin (fast refresh) must not touch it when tests or dev load it.
  plugins: [react({ exclude: [/\/node_modules\//, /\/web\/booking\//] })],
  server: { port: 5173, proxy },
  preview: { port: 4173, proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: {
      output: {
        manualChunks: {
          react: ['react', 'react-dom', 'react-router-dom'],
          mantine: ['@mantine/core', '@mantine/hooks', '@mantine/form', '@mantine/notifications'],
          data: ['@tanstack/react-query', 'i18next', 'react-i18next'],
          // The journal is the first screen after login: loaded at once, in its own file.
          journal: ['./src/journal/JournalPage.tsx'],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    restoreMocks: true,
  },
});
