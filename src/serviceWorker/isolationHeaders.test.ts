import { describe, expect, it } from 'vitest';
import { ISOLATION_HEADERS, withIsolationHeaders } from './isolationHeaders';

describe('withIsolationHeaders', () => {
  it('adds COOP and COEP and keeps status, other headers and body', async () => {
    const original = new Response('{"ok":true}', {
      status: 201,
      statusText: 'Created',
      headers: { 'Content-Type': 'application/json', 'Cross-Origin-Embedder-Policy': 'unsafe-none' },
    });
    const isolated = withIsolationHeaders(original);
    expect(isolated.status).toBe(201);
    expect(isolated.statusText).toBe('Created');
    expect(isolated.headers.get('Content-Type')).toBe('application/json');
    expect(isolated.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(isolated.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(await isolated.text()).toBe('{"ok":true}');
  });

  it('adds a Content-Security-Policy next to a host policy, which the browser then also enforces', () => {
    const original = new Response('', { headers: { 'Content-Security-Policy': "frame-ancestors 'self'" } });
    const isolated = withIsolationHeaders(original, "default-src 'none'");
    expect(isolated.headers.get('Content-Security-Policy')).toBe(
      "frame-ancestors 'self', default-src 'none'",
    );
    expect(withIsolationHeaders(new Response('')).headers.has('Content-Security-Policy')).toBe(false);
  });

  it('passes through responses it cannot rebuild', () => {
    const networkError = Response.error();
    expect(withIsolationHeaders(networkError)).toBe(networkError);
  });

  it('names exactly the two headers that make a page cross-origin isolated', () => {
    expect(Object.keys(ISOLATION_HEADERS).sort()).toEqual([
      'Cross-Origin-Embedder-Policy',
      'Cross-Origin-Opener-Policy',
    ]);
  });
});
