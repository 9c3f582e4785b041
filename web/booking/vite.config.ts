// The public booking page (booking.html -> /b/{slug}) is built on its own, after
// the admin app, into the same dist/ (without emptying it): Preact only, no
// React, no admin chunks. `npm run build` runs both builds.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defineConfig, transformWithEsbuild } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const backend = process.env.KVITKA_BACKEND ?? 'http://127.0.0.1:8080';
const proxy = { '/api': { target: backend, changeOrigin: false } };

export default defineConfig({
  root,
  base: '/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  plugins: [
    {
      // Development: /b/{slug} and /b/{slug}/m/{token} serve booking.html, as the server does.
      name: 'kvitka-booking-pages',
      configureServer(server) {
        server.middlewares.use((req, _res, next) => {
          if (req.url && /^\/b\/[^.]*$/.test(req.url.split('?')[0]!)) req.url = '/booking.html';
          next();
        });
      },
    },
    {
      // public/b/embed.js (readable, served as is in development) is copied to
      // dist/b/embed.js and minified there: what other websites load stays small.
      name: 'kvitka-embed-minify',
      apply: 'build',
      async closeBundle() {
        const file = fileURLToPath(new URL('../dist/b/embed.js', import.meta.url));
        const src = await readFile(file, 'utf8');
        const out = await transformWithEsbuild(src, 'embed.js', { minify: true, target: 'es5', legalComments: 'none' });
        await writeFile(file, out.code);
      },
    },
  ],
  server: { port: 5174, proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: false,
    modulePreload: { polyfill: false },
    rollupOptions: { input: { booking: fileURLToPath(new URL('../booking.html', import.meta.url)) } },
  },
});
