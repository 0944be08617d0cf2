import { describe, expect, it } from 'vitest';
import { META_POLICY, PAGE_POLICY, WORKER_POLICY, policyFor, serializePolicy } from './contentSecurityPolicy';

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((part) => part.startsWith(`${name} `))
    ?.split(' ')
    .slice(1);

describe('content security policy', () => {
  it('serialises directives in order, sources space-separated', () => {
    expect(serializePolicy({ 'default-src': ["'none'"], 'img-src': ["'self'", 'data:'] })).toBe(
      "default-src 'none'; img-src 'self' data:",
    );
  });

  it('gives pages no eval of any kind, no inline script and no other origin', () => {
    const scripts = directive(PAGE_POLICY, 'script-src');
    expect(scripts).toEqual(["'self'", "'report-sample'"]);
    expect(PAGE_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|\*|https?:|blob:/);
    expect(directive(PAGE_POLICY, 'default-src')).toEqual(["'none'"]);
  });

  it('allows data: URLs for images only (a panel chart drawn into its PNG)', () => {
    expect(directive(PAGE_POLICY, 'img-src')).toEqual(["'self'", 'data:']);
    const others = PAGE_POLICY.split('; ').filter((part) => !part.startsWith('img-src '));
    expect(others.join('; ')).not.toMatch(/data:/);
  });

  it('lets only worker scripts compile WebAssembly and start blob: threads', () => {
    expect(directive(WORKER_POLICY, 'script-src')).toEqual([
      "'self'",
      "'report-sample'",
      "'wasm-unsafe-eval'",
      'blob:',
    ]);
    expect(directive(WORKER_POLICY, 'worker-src')).toEqual(["'self'", 'blob:']);
    expect(WORKER_POLICY).not.toMatch(/'unsafe-eval'|unsafe-inline|\*|https?:/);
  });

  it('picks the worker policy by fetch destination or by Vite worker file name', () => {
    expect(policyFor('worker', '/anything.js')).toBe(WORKER_POLICY);
    expect(policyFor(undefined, '/sub/assets/training.worker-Ma2ABSXW.js')).toBe(WORKER_POLICY);
    expect(policyFor('document', '/sub/index.html')).toBe(PAGE_POLICY);
    expect(policyFor('script', '/sub/assets/index-abc.js')).toBe(PAGE_POLICY);
    expect(policyFor('', '/sub/isolation-sw.js')).toBe(PAGE_POLICY);
  });

  it('leaves frame-ancestors out of the <meta> policy, where browsers ignore it', () => {
    expect(META_POLICY).not.toContain('frame-ancestors');
    expect(PAGE_POLICY.replace("; frame-ancestors 'none'", '')).toBe(META_POLICY);
  });
});
