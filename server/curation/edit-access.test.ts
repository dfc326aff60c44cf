import { describe, expect, it } from 'vitest';
import { checkEditRequest, editAccessFor, isLoopbackHost } from './edit-access.js';

const fromExplorer = { host: '127.0.0.1:8080', origin: 'http://127.0.0.1:8080', 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' };
const codeOf = (work: () => void) => {
  try {
    work();
    return 'allowed';
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('who may change the graph', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', '::1', 'app.localhost'])('treats %s as loopback', (host) => expect(isLoopbackHost(host)).toBe(true));
  it.each(['0.0.0.0', '::', '192.168.1.4', 'notes.example.com'])('treats %s as reachable from the network', (host) => expect(isLoopbackHost(host)).toBe(false));

  it('a loopback server is open, a network one needs a token, and without one it is read-only', () => {
    expect(editAccessFor('127.0.0.1', undefined).mode).toBe('open');
    expect(editAccessFor('0.0.0.0', 'x'.repeat(20)).mode).toBe('token');
    expect(editAccessFor('0.0.0.0', undefined).mode).toBe('read-only');
  });

  it.each([
    ['the explorer page', fromExplorer, 'allowed'],
    ['the explorer on localhost', { ...fromExplorer, host: 'localhost:8080', origin: 'http://localhost:8080' }, 'allowed'],
    ['a cross-site request', { ...fromExplorer, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, 'FORBIDDEN'],
    ['a same-site request from another port', { ...fromExplorer, origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-site' }, 'FORBIDDEN'],
    ['a request without Origin', { ...fromExplorer, origin: undefined }, 'FORBIDDEN'],
    ['an Origin of null (sandboxed frame)', { ...fromExplorer, origin: 'null' }, 'FORBIDDEN'],
    ['a rebinding page', { ...fromExplorer, host: 'evil.example:8080', origin: 'http://evil.example:8080' }, 'FORBIDDEN'],
    ['a form post', { ...fromExplorer, 'content-type': 'text/plain' }, 'BAD_REQUEST'],
  ])('on loopback: %s → %s', (_label, headers, expected) => {
    expect(codeOf(() => checkEditRequest(editAccessFor('127.0.0.1', undefined), headers))).toBe(expected);
  });

  it('on the network: only with the token, compared exactly', () => {
    const access = editAccessFor('0.0.0.0', 'the-right-token-123');
    const headers = { ...fromExplorer, host: 'notes.lan:8080', origin: 'http://notes.lan:8080' };
    expect(codeOf(() => checkEditRequest(access, headers))).toBe('UNAUTHORIZED');
    expect(codeOf(() => checkEditRequest(access, { ...headers, authorization: 'Bearer the-right-token-12' }))).toBe('UNAUTHORIZED');
    expect(codeOf(() => checkEditRequest(access, { ...headers, authorization: 'Bearer the-right-token-123' }))).toBe('allowed');
    expect(codeOf(() => checkEditRequest(editAccessFor('0.0.0.0', undefined), { ...headers, authorization: 'Bearer x' }))).toBe('FORBIDDEN');
  });
});
