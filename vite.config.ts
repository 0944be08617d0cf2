/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { ISOLATION_HEADERS } from './src/serviceWorker/isolationHeaders.ts';
import { DEV_POLICY, META_POLICY, policyFor } from './src/serviceWorker/contentSecurityPolicy.ts';
import { ISOLATION_WORKER_FILE } from './src/serviceWorker/registerIsolation.ts';

const ISOLATION_WORKER_ENTRY = 'isolation-sw';

/**
 * tfjs-backend-wasm starts its WASM threads from `factory.toString()`, outside the closure that
 * declares `_scriptDir`; minifying drops the `typeof` guard on it, so every thread dies with a
 * ReferenceError. In our worker `_scriptDir` is always undefined (no document), so the check goes.
 */
function tfjsWasmThreadsSurviveMinifying(): Plugin {
  const guard = 'if(typeof _scriptDir !== "undefined" && _scriptDir){scriptDirectory=_scriptDir}';
  return {
    name: 'tfjs-wasm-threads-survive-minifying',
    transform(code, id) {
      if (!id.includes('tfjs-backend-wasm-threaded-simd.js')) return null;
      if (!code.includes(guard)) this.error(`tfjs-backend-wasm changed: "${guard}" not found in ${id}`);
      return { code: code.replace(guard, ''), map: null };
    },
  };
}

/**
 * The built pages carry the policy as a <meta> too, for static hosts that send no headers (the
 * dev server's inline scripts would break under it, so only `vite build`).
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    transformIndexHtml: {
      order: 'pre',
      handler: (_html, context) =>
        context.server
          ? []
          : [
              {
                tag: 'meta',
                attrs: { 'http-equiv': 'Content-Security-Policy', content: META_POLICY },
                injectTo: 'head-prepend',
              },
            ],
    },
    // Pages and worker scripts get different policies: only the training worker compiles WASM.
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        const dest = request.headers['sec-fetch-dest'];
        const pathname = new URL(request.url ?? '/', 'http://host').pathname;
        response.setHeader(
          'Content-Security-Policy',
          policyFor(typeof dest === 'string' ? dest : undefined, pathname),
        );
        next();
      });
    },
  };
}

export default defineConfig({
  // Relative base: the built site works from any static host under any path.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es', plugins: () => [tfjsWasmThreadsSurviveMinifying()] },
  // Cross-origin isolation lets tfjs's WASM backend use threads (SharedArrayBuffer). The preview
  // server's CSP comes from the plugin above; the dev server's inline HMR code needs a looser one.
  server: { host: '127.0.0.1', headers: { ...ISOLATION_HEADERS, 'Content-Security-Policy': DEV_POLICY } },
  preview: { host: '127.0.0.1', strictPort: true, headers: ISOLATION_HEADERS },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 5000,
    rolldownOptions: {
      // engine-check.html runs the fused engine's checks, bench.html the speed benchmark, on the visitor's own GPU.
      input: {
        index: 'index.html',
        engineCheck: 'engine-check.html',
        bench: 'bench.html',
        [ISOLATION_WORKER_ENTRY]: 'src/serviceWorker/isolation.sw.ts',
      },
      output: {
        // The service worker keeps a fixed name next to index.html: its scope is its folder.
        entryFileNames: (chunk) =>
          chunk.name === ISOLATION_WORKER_ENTRY ? ISOLATION_WORKER_FILE : 'assets/[name]-[hash].js',
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
