/** Loopback: addresses and names only this machine can connect to. */

export function isLoopbackAddress(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Whether a request's Host header names this machine's loopback. A loopback server checks it:
 * otherwise a web page could reach it through a DNS name of its own that resolves to 127.0.0.1.
 */
export function isLoopbackHostHeader(header: string | undefined): boolean {
  const name = (header ?? '').replace(/:\d+$/, '').toLowerCase();
  return isLoopbackAddress(name === '[::1]' ? '::1' : name);
}
