import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The gateway serves dist/ at `/` (one origin, no CORS); the dev server forwards the API to a
// running `npm start` so `npx vite web` works against real data.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The bundle benchmark reads the chunk graph from here to weigh the first route.
    manifest: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: Object.fromEntries(
      ['/api', '/docs', '/health'].map((prefix) => [prefix, process.env.RW_API_URL ?? 'http://127.0.0.1:3000']),
    ),
  },
});
