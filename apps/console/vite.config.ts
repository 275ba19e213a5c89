import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves the built console at `/`; in development Vite serves it and hands
// every `/api` request to a locally running API on its default port.
const API_DEV_TARGET = 'http://127.0.0.1:8025';

// Libraries change far less often than the console, so they get chunks of their own
// that browsers keep cached across console releases: those the first page needs in
// `vendor`, and those only lazily loaded screens need (the dashboard's charts) in
// chunks by the screens that use them, so the first page never downloads them.
const LIBRARY = /[\\/]node_modules[\\/]/;

const LIBRARY_CHUNKS = [
  { name: 'vendor', test: LIBRARY, tags: ['$initial' as const], priority: 2 },
  { name: 'vendor-lazy', test: LIBRARY, entriesAware: true, priority: 1 },
];

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': { target: API_DEV_TARGET, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      output: { codeSplitting: { groups: LIBRARY_CHUNKS } },
    },
  },
});
