import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves the built console at `/`; in development Vite serves it and hands
// every `/api` request to a locally running API on its default port.
const API_DEV_TARGET = 'http://127.0.0.1:8025';

// Libraries change far less often than the console, so they get a chunk of their own
// that browsers keep cached across console releases.
function chunkName(moduleId: string): string | null {
  return moduleId.includes('/node_modules/') ? 'vendor' : null;
}

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
      output: { codeSplitting: { groups: [{ name: chunkName }] } },
    },
  },
});
