import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type ProxyOptions } from 'vite';

const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// The portal is always same-origin with the API: in development and preview, Vite forwards /api to
// it (the refresh cookie is scoped to /api/auth); in production a reverse proxy does the same.
const apiTarget = process.env['API_URL'] ?? 'http://127.0.0.1:3000';
const apiProxy: Record<string, ProxyOptions> = {
  '/api': { target: apiTarget, changeOrigin: false },
  // The certificate issuer's did:web document, served by the API outside /api.
  '/.well-known/did.json': { target: apiTarget, changeOrigin: false },
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
      '@hocvu/media': fromHere('../../packages/media/src/index.ts'),
      '@hocvu/assessment': fromHere('../../packages/assessment/src/index.ts'),
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
    // The vendor chunk (react-dom above all) is ~320 kB minified, ~102 kB gzip; app chunks stay far below.
    // The one exception is the video player's chunk: video.js ships as a single module with VHS (HLS)
    // built in, ~720 kB minified, ~212 kB gzip, that cannot usefully be split (every lesson video needs
    // all of it at once). It is lazy — LazyVideoPlayer fetches it when a video lesson first opens — so
    // nothing else, and no page without a video, pays for it. The limit sits just above it: any other
    // chunk growing past ~400 kB still deserves a look.
    chunkSizeWarningLimit: 750,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The libraries every page needs, in one chunk whose hash survives our own deploys: returning
          // visitors on 3G re-download only the app code that changed.
          groups: [
            {
              name: 'vendor',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|i18next|react-i18next|openapi-fetch)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
