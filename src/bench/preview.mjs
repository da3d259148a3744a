// The built app served by `vite preview` for the bench scripts (run-bench, multimnist, startup, soak): a free port,
// the server in its own process group (stop() ends vite and anything it spawned), and a wait until it answers.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** A free TCP port on 127.0.0.1 (asked from the OS). */
export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/**
 * Serve the build in `dist` (default: the config's outDir) on a free port; resolves once `path` answers, with its URL
 * and stop(). Rejects, with vite's output, when the server exits or does not answer within ~10 s.
 */
export async function startPreview({ dist, path = '/' } = {}) {
  const port = await freePort();
  const vite = resolve(root, 'node_modules/vite/bin/vite.js');
  const server = spawn(process.execPath, [vite, 'preview', ...(dist ? ['--outDir', resolve(root, dist)] : []), '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  server.stdout.on('data', (d) => (log += d));
  server.stderr.on('data', (d) => (log += d));
  const stop = () => {
    if (server.exitCode !== null) return;
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  const url = `http://127.0.0.1:${port}${path}`;
  for (let i = 0; i < 100; i++) {
    if (server.exitCode !== null) throw new Error(`vite preview exited:\n${log}`);
    try {
      if ((await fetch(url)).ok) return { url, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error(`vite preview did not answer on ${url}:\n${log}`);
}
