/**
 * The app's Content-Security-Policy: everything from our own origin, no inline script, no eval.
 * Each exception is one a library was seen to need; docs/security.md says which and why.
 */
type Directives = Readonly<Record<string, readonly string[]>>;

/** Plotly makes empty <style> elements and fills them through CSSOM, which CSP does not police. */
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";
/** plotly.js-strict-dist-min 4.1.1 injects MapLibre's fixed stylesheet when it loads. */
const PLOTLY_MAPLIBRE_STYLE_HASH = "'sha256-ji27qzEtxXZW+7dun6UwjHXJ18e6WAin1VvNtkzIE/o='";

/**
 * A panel's PNG: each chart is taken from Plotly.toImage as an SVG data: URL and drawn through an
 * <img>. Images only: an image cannot run code.
 */
const PANEL_IMAGE_SOURCE = 'data:';

/** Documents: index.html, engine-check.html, bench.html. */
export const PAGE_DIRECTIVES: Directives = {
  'default-src': ["'none'"],
  'script-src': ["'self'", "'report-sample'"],
  'worker-src': ["'self'"],
  'connect-src': ["'self'"],
  'style-src': ["'self'", "'report-sample'", EMPTY_STYLE_HASH, PLOTLY_MAPLIBRE_STYLE_HASH],
  'img-src': ["'self'", PANEL_IMAGE_SOURCE],
  'font-src': ["'self'"],
  'manifest-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Dedicated workers get the policy of their own script's response. tfjs-backend-wasm compiles
 * WebAssembly ('wasm-unsafe-eval'); its threaded build starts each thread as a blob: worker that
 * imports its code from another blob: URL (worker-src and script-src blob:).
 */
export const WORKER_DIRECTIVES: Directives = {
  ...PAGE_DIRECTIVES,
  'script-src': [...(PAGE_DIRECTIVES['script-src'] ?? []), "'wasm-unsafe-eval'", 'blob:'],
  'worker-src': [...(PAGE_DIRECTIVES['worker-src'] ?? []), 'blob:'],
};

export function serializePolicy(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

export const PAGE_POLICY = serializePolicy(PAGE_DIRECTIVES);
export const WORKER_POLICY = serializePolicy(WORKER_DIRECTIVES);

/**
 * A <meta> policy, for hosts that send no headers: the page policy less what a meta tag cannot
 * carry (frame-ancestors is ignored there).
 */
export const META_POLICY = serializePolicy(
  Object.fromEntries(Object.entries(PAGE_DIRECTIVES).filter(([name]) => name !== 'frame-ancestors')),
);

/**
 * `vite` (dev only): the React Refresh preamble is an inline script, CSS arrives as inline
 * <style> elements, and hot reloading talks over a WebSocket.
 */
export const DEV_POLICY = serializePolicy({
  ...WORKER_DIRECTIVES,
  'script-src': [...(WORKER_DIRECTIVES['script-src'] ?? []), "'unsafe-inline'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'connect-src': ["'self'", 'ws:'],
});

/** Worker scripts are asked for with `Sec-Fetch-Dest: worker`; Vite names them `*.worker-<hash>.js`. */
export function policyFor(destination: string | undefined, pathname: string): string {
  const isWorker = destination === 'worker' || /\.worker-[\w-]+\.js$/.test(pathname);
  return isWorker ? WORKER_POLICY : PAGE_POLICY;
}
