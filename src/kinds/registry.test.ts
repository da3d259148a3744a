import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../model';
import { TORCH_EXPORTERS } from '../export/torch';
import { NODE_BUILDERS } from '../train/layers';
import { KINDS_DIR, RUNTIMES, kindFolders, staleRegistries } from './registry.mjs';
import { KIND_SPECS } from './specs.gen';
import { KIND_BUILDERS } from './tfjs.gen';
import { KIND_EXPORTERS } from './torch.gen';
import { KIND_KERNELS } from './fast.gen';

const ids = kindFolders(KINDS_DIR).map((k) => k.id);
const sorted = (xs: Iterable<string>) => [...xs].sort();

describe('kind registries (generated from the folders of src/kinds)', () => {
  it('finds the kind folders', () => {
    expect(ids.length).toBeGreaterThan(20);
  });

  it('are up to date with the folders (run node src/kinds/registry.mjs)', () => {
    expect(staleRegistries()).toEqual([]);
  });

  it('give every folder a spec, a builder and an exporter, and hold nothing else', () => {
    for (const id of ids) for (const rt of RUNTIMES.filter((r) => !r.optional)) expect(existsSync(join(KINDS_DIR, id, `${rt.file}.ts`)), `${id}/${rt.file}.ts`).toBe(true);
    expect(sorted(Object.keys(KIND_SPECS))).toEqual(ids);
    expect(sorted(Object.keys(KIND_BUILDERS))).toEqual(ids);
    expect(sorted(Object.keys(KIND_EXPORTERS))).toEqual(ids);
  });

  it('are what the app reads: the palette, the builders and the exporters hold the same kinds', () => {
    expect(sorted(NODE_KINDS.map((k) => k.kind))).toEqual(ids);
    expect(sorted(Object.keys(NODE_BUILDERS))).toEqual(ids);
    expect(sorted(Object.keys(TORCH_EXPORTERS))).toEqual(ids);
    for (const k of NODE_KINDS) expect(KIND_SPECS[k.kind as keyof typeof KIND_SPECS]).toBe(k);
  });

  it('hold a JS-engine kernel for exactly the folders with a fast.ts', () => {
    expect(sorted(Object.keys(KIND_KERNELS))).toEqual(ids.filter((id) => existsSync(join(KINDS_DIR, id, 'fast.ts'))));
  });

  it.each(Object.keys(KIND_KERNELS))('%s: its fast.test.ts checks parity with the tfjs engine', (id) => {
    const path = join(KINDS_DIR, id, 'fast.test.ts');
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toMatch(new RegExp(`checkFastParity\\(\\s*'${id}',`));
  });

  it.each(ids)('%s: its tfjs.test.ts checks the builder (shapes, parameter counts by hand, gradients, no leaks)', (id) => {
    const path = join(KINDS_DIR, id, 'tfjs.test.ts');
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toMatch(new RegExp(`checkBuilds\\(\\[\\s*\\['${id}',`));
  });
});
