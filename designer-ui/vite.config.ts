import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The Go package designerui embeds static/ and serves it under /studio/.
export default defineConfig({
  base: '/studio/',
  plugins: [react()],
  build: {
    outDir: 'static/dist',
    emptyOutDir: true,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
  },
});
