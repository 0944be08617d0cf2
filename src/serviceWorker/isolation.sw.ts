/**
 * Service worker for static hosts without header control: adds the cross-origin isolation
 * headers to every same-origin response, so the app gets WASM threads there too.
 */
import { withIsolationHeaders } from './isolationHeaders';

declare const self: ServiceWorkerGlobalScope;

// Take over at once: the page reloads itself as soon as this worker controls it.
self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const { request } = event;
  // Cross-origin responses are left alone: adding headers cannot vouch for another origin.
  if (new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(fetch(request).then(withIsolationHeaders));
});
