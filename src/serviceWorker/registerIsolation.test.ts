import { describe, expect, it } from 'vitest';
import { planIsolation, type IsolationFacts } from './registerIsolation';

const plain: IsolationFacts = {
  crossOriginIsolated: false,
  isSecureContext: true,
  hasServiceWorkers: true,
  reloadedAlready: false,
};

describe('planIsolation', () => {
  it('does nothing on a page that is already isolated (dev and preview servers send the headers)', () => {
    expect(planIsolation({ ...plain, crossOriginIsolated: true })).toBe('isolated');
    expect(planIsolation({ ...plain, crossOriginIsolated: true, reloadedAlready: true })).toBe('isolated');
  });

  it('registers the worker and reloads on a static host without the headers', () => {
    expect(planIsolation(plain)).toBe('register');
  });

  it('reloads at most once: still not isolated after the reload, the app starts as it is', () => {
    expect(planIsolation({ ...plain, reloadedAlready: true })).toBe('gave-up');
  });

  it('cannot help on plain http from another machine, or without service workers', () => {
    expect(planIsolation({ ...plain, isSecureContext: false })).toBe('unsupported');
    expect(planIsolation({ ...plain, hasServiceWorkers: false })).toBe('unsupported');
  });
});
