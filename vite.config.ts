/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  // Relative base: the built site works from any static host under any path.
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', strictPort: true },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 5000,
    // engine-check.html runs the fused engine's checks, bench.html the speed benchmark, on the visitor's own GPU.
    rollupOptions: { input: { main: 'index.html', engineCheck: 'engine-check.html', bench: 'bench.html' } },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
