/**
 * The two headers that make a page cross-origin isolated, which SharedArrayBuffer and so tfjs's
 * threaded WASM build need. Sent by the dev and preview servers, and added by our service worker
 * on static hosts that cannot send headers.
 */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;

/** The same response with the isolation headers added, and a Content-Security-Policy if given. */
export function withIsolationHeaders(response: Response, contentSecurityPolicy?: string): Response {
  // Opaque and redirect responses cannot be rebuilt; the browser handles them as it would without us.
  if (response.status === 0 || response.type === 'opaqueredirect') return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  // A host's own policy stays and the browser enforces both: ours can only tighten it.
  if (contentSecurityPolicy !== undefined) headers.append('Content-Security-Policy', contentSecurityPolicy);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
