/** Export → PyTorch: a finished run downloads as a zip with the project, the exact data and the run's weights; Python agrees with the browser. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { openApp, TASKS, trainAndWait } from './helpers';

const PY = '/usr/bin/python3';

test('Export → PyTorch downloads the project with the finished run’s weights', async ({ page }, info) => {
  const errors = await openApp(page);
  await trainAndWait(page, { backend: 'js', steps: 40, evalEvery: 10 });

  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pytorch').click()]);
  expect(dl.suggestedFilename()).toMatch(/-pytorch\.zip$/);
  const zipPath = info.outputPath('project.zip');
  await dl.saveAs(zipPath);
  const entries = unzipSync(new Uint8Array(readFileSync(zipPath)));
  const folder = Object.keys(entries)[0].split('/')[0];
  const files = Object.keys(entries).map((p) => p.slice(folder.length + 1));
  const perTask = TASKS.flatMap((t) => ['train', 'val'].flatMap((s) => [`data/y_${s}_${t}.npy`, `data/mask_${s}_${t}.npy`]));
  for (const f of ['model.py', 'train.py', 'evaluate.py', 'common.py', 'README.md', 'experiment.json', 'data/x_train.npy', 'data/x_val.npy', 'weights.npz', 'browser_val_pred.npz', ...perTask])
    expect(files, f).toContain(f);

  const text = (f: string) => strFromU8(entries[`${folder}/${f}`]);
  expect(text('README.md')).toContain('python train.py');
  expect(text('README.md')).toContain('torchrun --nproc_per_node=2 train.py');
  expect(text('model.py')).toContain('class MtlModel(nn.Module)');
  expect(JSON.parse(text('experiment.json')).optimizer.steps).toBe(40);
  expect(strFromU8(entries[`${folder}/data/x_train.npy`].subarray(0, 6), true)).toBe('\x93NUMPY');
  expect(Object.keys(unzipSync(entries[`${folder}/weights.npz`])).length).toBeGreaterThan(0);
  expect(Object.keys(unzipSync(entries[`${folder}/browser_val_pred.npz`])).sort()).toEqual(TASKS.map((t) => `${t}.npy`).sort());

  // The browser's weights in PyTorch give the browser's validation readouts (needs Debian's python3-torch: bash .ci/setup --browser).
  const dir = info.outputPath('project');
  for (const [p, bytes] of Object.entries(entries)) {
    if (p.endsWith('/')) continue;
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), bytes);
  }
  const r = spawnSync(PY, ['evaluate.py'], { cwd: join(dir, folder), encoding: 'utf8', timeout: 120_000 });
  expect(r.status, `${r.stdout}\n${r.stderr}\n(${PY} needs torch and numpy: bash .ci/setup --browser)`).toBe(0);
  for (const t of TASKS) {
    const m = r.stdout.match(new RegExp(`^parity task=${t} max_abs_diff=(\\S+)`, 'm'));
    expect(m, r.stdout).not.toBeNull();
    expect(Number(m![1]), r.stdout).toBeLessThan(1e-4);
    console.log(`browser (JS engine) → PyTorch parity ${t}: max abs diff ${m![1]}`);
  }
  expect(errors).toEqual([]);
});

for (const tpl of ['crossstitch', 'mmoe']) {
  test(`${tpl} trained in the browser (tfjs WASM) matches PyTorch within 1e-4 after Export → PyTorch`, async ({ page }, info) => {
    const errors = await openApp(page);
    await page.getByTestId('template').selectOption(tpl);
    await trainAndWait(page, { backend: 'wasm', steps: 60, evalEvery: 20 });
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pytorch').click()]);
    const entries = unzipSync(new Uint8Array(readFileSync((await dl.path())!)));
    const folder = Object.keys(entries)[0].split('/')[0];
    const dir = info.outputPath('project');
    for (const [p, bytes] of Object.entries(entries)) {
      if (p.endsWith('/')) continue;
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), bytes);
    }
    expect(strFromU8(entries[`${folder}/model.py`])).toContain(tpl === 'mmoe' ? 'MMoE' : 'CrossStitch');
    const r = spawnSync(PY, ['evaluate.py'], { cwd: join(dir, folder), encoding: 'utf8', timeout: 120_000 });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    for (const t of TASKS) {
      const m = r.stdout.match(new RegExp(`^parity task=${t} max_abs_diff=(\\S+)`, 'm'));
      expect(m, r.stdout).not.toBeNull();
      expect(Number(m![1]), r.stdout).toBeLessThan(1e-4);
      console.log(`browser (${tpl}, WASM) → PyTorch parity ${t}: max abs diff ${m![1]}`);
    }
    expect(errors).toEqual([]);
  });
}
