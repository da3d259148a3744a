/**
 * The Content Security Policy of the built app, and a Vite plugin that puts it in the built pages and in the
 * preview server's headers. Not applied to the dev server (Vite's dev client injects inline scripts).
 */
import type { Plugin } from 'vite';

/**
 * No inline script and no eval ('wasm-unsafe-eval' only, for tfjs's WASM backend); workers, fetches and every
 * other load from the app's own origin only. Inline style attributes stay allowed: React Flow and the charts
 * position elements with them. Images may be data:/blob: URLs (chart PNGs made in the tab).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Headers the preview server sends with every response (a meta tag cannot carry frame-ancestors). */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `${CSP}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Adds the CSP meta tag to built HTML pages. */
export function cspPlugin(): Plugin {
  return {
    name: 'mtl-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
    },
  };
}
