// The LeNet workload (MultiMNIST LeNet hard-sharing template, random 28×28 inputs) trained by the app's own
// trainer on tfjs WASM in Node, next to the same model in PyTorch (Debian's python3-torch) on one thread,
// run alternately in one invocation so both see the same machine load. Prints steps/s and the ratio.
//   node src/bench/lenet-wasm.mjs [seconds per run = 5] [batches = 32,256] [engines = wasm | js | wasm,js]
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { createServer } from 'vite';

const SECONDS = Number(process.argv[2] ?? 5);
const BATCHES = (process.argv[3] ?? '32,256').split(',').map(Number);
// Which app engines to time: wasm (tfjs WASM), js (the JS engine), or both.
const ENGINES = (process.argv[4] ?? 'wasm').split(',');
const root = resolve(import.meta.dirname, '../..');

function torchStepsPerSec(batch) {
  const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' };
  // A forced core type or cache size would not be what a user's PyTorch runs with.
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const r = spawnSync('/usr/bin/python3', [resolve(import.meta.dirname, 'lenet_torch.py'), String(batch), String(SECONDS)], { env, encoding: 'utf8' });
  if (r.status !== 0) return { skipped: (r.stderr || r.error?.message || 'python3 failed').trim().split('\n').pop() };
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

// tfjs-core's ESM build (Vite inlines it: its register_all_gradients entry is ESM without file extensions,
// which Node cannot load) reaches for `require` on Node; tfjs keeps its engine and registries on globalThis,
// so the CJS copy tfjs-backend-wasm loads shares them.
globalThis.require ??= createRequire(import.meta.url);
const server = await createServer({ root, logLevel: 'error', appType: 'custom', ssr: { noExternal: ['@tensorflow/tfjs-core'] }, server: { middlewareMode: true, hmr: false, watch: null } });
try {
  const { lenetStepsPerSec } = await server.ssrLoadModule('/src/bench/lenet.ts');
  const rows = [];
  for (const batch of BATCHES) {
    const app = {};
    for (const engine of ENGINES) app[engine] = (await lenetStepsPerSec(batch, SECONDS, 5, engine)).stepsPerSec;
    const torch = torchStepsPerSec(batch);
    const row = { workload: 'lenet', batch };
    for (const engine of ENGINES) row[engine === 'wasm' ? 'appWasm' : 'appJs'] = +app[engine].toFixed(2);
    row.torch = torch.stepsPerSec ? +torch.stepsPerSec.toFixed(2) : null;
    for (const engine of ENGINES) row[engine === 'wasm' ? 'ratioWasm' : 'ratioJs'] = torch.stepsPerSec ? +(app[engine] / torch.stepsPerSec).toFixed(3) : null;
    row.note = torch.skipped;
    rows.push(row);
    console.log(JSON.stringify(row));
  }
  console.table(rows);
  console.log(JSON.stringify(rows));
} finally {
  await server.close();
}
