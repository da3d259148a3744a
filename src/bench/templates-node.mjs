// Every graph template (default 2D dataset, b32 unless given) on the JS engine and on tfjs WASM, in Node, with
// the app's own trainers; prints steps/s and the ratio. Short runs: the lead's side-by-side bench is the reference.
//   node src/bench/templates-node.mjs [seconds per run = 2] [batch = 32] [template ids, comma-separated]
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { createServer } from 'vite';

const SECONDS = Number(process.argv[2] ?? 2);
const BATCH = Number(process.argv[3] ?? 32);
const ONLY = process.argv[4]?.split(',');
const root = resolve(import.meta.dirname, '../..');

// As in lenet-wasm.mjs: tfjs-core's ESM build reaches for `require` on Node.
globalThis.require ??= createRequire(import.meta.url);
const server = await createServer({ root, logLevel: 'error', appType: 'custom', ssr: { noExternal: ['@tensorflow/tfjs-core'] }, server: { middlewareMode: true, hmr: false, watch: null } });
try {
  const { templateRates } = await server.ssrLoadModule('/src/bench/templates.ts');
  const rows = await templateRates(BATCH, SECONDS, ONLY);
  console.table(rows.map((r) => ({ ...r, 'js/wasm': +(r.js / r.wasm).toFixed(1) })));
  console.log(JSON.stringify(rows));
} finally {
  await server.close();
}
