import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type ProxyOptions } from 'vite';

const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// The portal is always same-origin with the API: in development and preview, Vite forwards /api to
// it (the refresh cookie is scoped to /api/auth); in production a reverse proxy does the same.
const apiProxy: Record<string, ProxyOptions> = {
  '/api': { target: process.env['API_URL'] ?? 'http://127.0.0.1:3000', changeOrigin: false },
};
const port = Number(process.env['PORTAL_PORT'] ?? 8080);
const host = process.env['PORTAL_HOST'] ?? '127.0.0.1';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Mirrors the `paths` of tsconfig.base.json so the packages are compiled from source.
    alias: {
      '@hocvu/contracts': fromHere('../../packages/contracts/src/index.ts'),
      '@hocvu/api-client': fromHere('../../packages/api-client/src/index.ts'),
    },
  },
  server: { host, port, strictPort: true, proxy: apiProxy },
  preview: { host, port, strictPort: true, proxy: apiProxy },
  build: {
    target: 'es2020',
    outDir: 'dist',
    emptyOutDir: true,
    // Phones on 3G: no source maps shipped, small chunks, every feature split off by its route.
    sourcemap: false,
    chunkSizeWarningLimit: 300,
  },
});
