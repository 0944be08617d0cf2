/**
 * Page side of the isolation service worker: on a host that does not send the cross-origin
 * isolation headers, registers it and reloads once so the page comes back isolated.
 */

/** Built next to index.html (see vite.config.ts), so its scope covers the whole app. */
export const ISOLATION_WORKER_FILE = 'isolation-sw.js';

/** Set before the one reload; while it is set and the page is still not isolated, no more reloads. */
const RELOAD_MARK = 'autoencoder-playground:isolation-reload';

/** How long to wait for a freshly registered worker to take control before giving up. */
const TAKE_CONTROL_TIMEOUT_MS = 5000;

export interface IsolationFacts {
  crossOriginIsolated: boolean;
  isSecureContext: boolean;
  hasServiceWorkers: boolean;
  reloadedAlready: boolean;
}

/** `register`: register the worker and reload; anything else: start the app as it is. */
export type IsolationPlan = 'isolated' | 'unsupported' | 'gave-up' | 'register';

export function planIsolation(facts: IsolationFacts): IsolationPlan {
  if (facts.crossOriginIsolated) return 'isolated';
  // Service workers exist only in secure contexts (https, localhost, 127.0.0.1).
  if (!facts.isSecureContext || !facts.hasServiceWorkers) return 'unsupported';
  return facts.reloadedAlready ? 'gave-up' : 'register';
}

/** Resolves true when the page is about to reload (then the app must not start). */
export async function ensureCrossOriginIsolation(): Promise<boolean> {
  const plan = planIsolation({
    crossOriginIsolated: window.crossOriginIsolated,
    isSecureContext: window.isSecureContext,
    hasServiceWorkers: 'serviceWorker' in navigator,
    reloadedAlready: readMark(),
  });
  if (plan === 'isolated') clearMark();
  if (plan !== 'register') return false;
  try {
    await navigator.serviceWorker.register(ISOLATION_WORKER_FILE);
    if (!navigator.serviceWorker.controller && !(await controllerWithin(TAKE_CONTROL_TIMEOUT_MS)))
      return false;
  } catch (error) {
    console.warn('No cross-origin isolation (WASM stays single-threaded):', error);
    return false;
  }
  if (!setMark()) return false;
  window.location.reload();
  return true;
}

function controllerWithin(timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    navigator.serviceWorker.addEventListener(
      'controllerchange',
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      { once: true },
    );
    // It may have taken control before the listener was added.
    if (navigator.serviceWorker.controller) resolve(true);
  });
}

// sessionStorage can throw (storage disabled); without it there is no loop guard, so no reload.
function readMark(): boolean {
  try {
    return sessionStorage.getItem(RELOAD_MARK) !== null;
  } catch {
    return true;
  }
}

function setMark(): boolean {
  try {
    sessionStorage.setItem(RELOAD_MARK, String(Date.now()));
    return true;
  } catch {
    return false;
  }
}

function clearMark(): void {
  try {
    sessionStorage.removeItem(RELOAD_MARK);
  } catch {
    // Nothing to clear when storage is disabled.
  }
}
