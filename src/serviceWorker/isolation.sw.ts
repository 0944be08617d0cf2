/**
 * Service worker for static hosts without header control: adds the cross-origin isolation
 * headers and our Content-Security-Policy to every same-origin response, so the app gets WASM
 * threads and the same policy there as on the preview server.
 */
import { policyFor } from './contentSecurityPolicy';
import { withIsolationHeaders } from './isolationHeaders';

declare const self: ServiceWorkerGlobalScope;

// Take over at once: the page reloads itself as soon as this worker controls it.
self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  // Cross-origin responses are left alone: adding headers cannot vouch for another origin.
  if (url.origin !== self.location.origin) return;
  const policy = policyFor(request.destination, url.pathname);
  event.respondWith(fetch(request).then((response) => withIsolationHeaders(response, policy)));
});
