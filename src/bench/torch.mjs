// The PyTorch side of `npm run bench:torch` (used by run-bench.mjs): exports each workload with the app's own
// PyTorch exporter (torchModels.ts, loaded through Vite's SSR loader) and times it in one long-lived
// /usr/bin/python3 running torch_bench.py, one thread. run-bench.mjs asks for a workload right after the app's
// cells of that workload, so both sides see the same machine load.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createServer } from 'vite';

const PYTHON = '/usr/bin/python3';
const HERE = import.meta.dirname;

/** The child's environment: truly one thread, and OpenBLAS choosing its own kernels as a user's PyTorch would. */
export function torchEnv(base = process.env) {
  const env = { ...base, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

/** Why PyTorch cannot run here (in words), or null when /usr/bin/python3 imports torch. */
export function torchMissing() {
  const r = spawnSync(PYTHON, ['-c', 'import torch, numpy'], { encoding: 'utf8', env: torchEnv() });
  if (r.error) return `${PYTHON} is missing (${r.error.message}); install Debian's python3-torch (bash .ci/setup --browser does, as root)`;
  if (r.status !== 0) return `${PYTHON} cannot import torch/numpy (${(r.stderr || '').trim().split('\n').pop()}); install Debian's python3-torch (bash .ci/setup --browser does, as root)`;
  return null;
}

/**
 * Start the PyTorch runner. Resolves to { skip } (a reason in words) when torch is missing, else to
 * { info, measure(workloadId, seconds) → Promise<{stepsPerSec,…}|{error}>, close() }.
 */
export async function startTorch(root) {
  const missing = torchMissing();
  if (missing) return { skip: missing };
  const vite = await createServer({ root, logLevel: 'error', appType: 'custom', server: { middlewareMode: true, hmr: false, watch: null } });
  const { torchWorkload } = await vite.ssrLoadModule('/src/bench/torchModels.ts');
  const dir = mkdtempSync(join(tmpdir(), 'mtl-bench-torch-'));
  const child = spawn(PYTHON, [resolve(HERE, 'torch_bench.py')], { env: torchEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const lines = createInterface({ input: child.stdout });
  const waiting = [];
  lines.on('line', (l) => waiting.shift()?.(l));
  child.on('exit', () => waiting.splice(0).forEach((w) => w(JSON.stringify({ error: `torch_bench.py exited: ${stderr.trim().split('\n').pop() ?? ''}` }))));
  const next = () => new Promise((res) => waiting.push((l) => res(JSON.parse(l))));
  const info = await next();
  if (info.error) {
    await vite.close();
    return { skip: info.error };
  }
  return {
    info,
    /** One workload's steps/s in PyTorch over about `seconds` s (after 5 warm-up steps), at `batch` when given. */
    async measure(id, seconds, batch) {
      let w;
      try {
        w = torchWorkload(id, batch);
      } catch (err) {
        return { error: `export failed: ${err.message}` };
      }
      const folder = join(dir, id);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'model.py'), w.modelPy);
      writeFileSync(join(folder, 'common.py'), w.commonPy);
      writeFileSync(join(folder, 'experiment.json'), JSON.stringify(w.experiment));
      const answer = next();
      child.stdin.write(JSON.stringify({ dir: folder, inputDim: w.inputDim, seconds, warmup: 5 }) + '\n');
      return answer;
    },
    async close() {
      child.stdin.end();
      child.kill();
      await vite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
