/**
 * Writes the node-kind registries from the folders of src/kinds: every folder `<id>/` (an id is lowercase
 * letters, digits and '_', starting with a letter; folders starting with '_' or '.' are not kinds) is one
 * kind, and each runtime gets its own generated file that imports that runtime's piece of every kind:
 *   specs.gen.ts  — `spec` from <id>/spec.ts     (the page, via src/model)
 *   tfjs.gen.ts   — `builder` from <id>/tfjs.ts   (the worker, via src/train/layers)
 *   torch.gen.ts  — `exporter` from <id>/torch.ts (the lazy PyTorch export chunk, via src/export/torch)
 *   fast.gen.ts   — `kernel` from <id>/fast.ts    (the worker's JS engine, via src/train/fast); optional: only
 *                   the kinds that have one (the others train on tfjs)
 * The imports are static, so a folder without one of the three required files fails `tsc` and the build, and each
 * bundle pulls only its own runtime's files. Plain Node ESM (no TypeScript) so that `npm run typecheck`
 * can run it before tsc; the Vite plugin below runs it before every build, dev server and Vitest run.
 *
 *   node src/kinds/registry.mjs          rewrite the generated files that are out of date
 *   node src/kinds/registry.mjs --check  exit 1 when one is out of date
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This folder: the default (and the app's only) root of kind folders and the home of the generated files. */
export const KINDS_DIR = dirname(fileURLToPath(import.meta.url));

const ID = /^[a-z][a-z0-9_]*$/;

/** One generated registry per runtime: the file each kind must have, what it exports, and the registry's type. */
export const RUNTIMES = [
  {
    out: 'specs.gen.ts',
    file: 'spec',
    name: 'spec',
    header: (rel) => `import { kindRegistry } from '${rel('model/nodes/spec')}';`,
    body: (entries) =>
      `/** Every kind's spec by id (the folder name; kindRegistry checks that each spec's \`kind\` matches). */\nexport const KIND_SPECS = kindRegistry({\n${entries}\n});\n\n/** The id of a registered kind. */\nexport type KindId = keyof typeof KIND_SPECS;`,
  },
  {
    out: 'tfjs.gen.ts',
    file: 'tfjs',
    name: 'builder',
    header: (rel) => `import type { NodeBuilder } from '${rel('train/layers/common')}';\nimport type { KindId } from './specs.gen';`,
    body: (entries) => `/** Every kind's tfjs builder by id (worker only). */\nexport const KIND_BUILDERS: { readonly [K in KindId]: NodeBuilder } = {\n${entries}\n};`,
  },
  {
    out: 'torch.gen.ts',
    file: 'torch',
    name: 'exporter',
    header: (rel) => `import type { TorchExporter } from '${rel('export/torch/types')}';\nimport type { KindId } from './specs.gen';`,
    body: (entries) => `/** Every kind's PyTorch exporter by id (the lazy export chunk only). */\nexport const KIND_EXPORTERS: { readonly [K in KindId]: TorchExporter } = {\n${entries}\n};`,
  },
  {
    out: 'fast.gen.ts',
    file: 'fast',
    name: 'kernel',
    optional: true,
    header: (rel) => `import type { FastKernel } from '${rel('train/fast/kernel')}';\nimport type { KindId } from './specs.gen';`,
    body: (entries) => `/** The JS engine's kernel of every kind that has one, by id (worker only); a kind without one trains on tfjs. */\nexport const KIND_KERNELS: { readonly [K in KindId]?: FastKernel } = {\n${entries}\n};`,
  },
];

/** The kind folders under `root` as { id, dir }, sorted by id; throws on a folder name that cannot be an id. */
export function kindFolders(root) {
  return readdirSync(root)
    .filter((f) => !f.startsWith('_') && !f.startsWith('.') && statSync(join(root, f)).isDirectory())
    .sort()
    .map((id) => {
      if (!ID.test(id)) throw new Error(`src/kinds/${id}: a kind folder is named by its id (lowercase letters, digits, '_'; a letter first)`);
      return { id, dir: join(root, id) };
    });
}

/** A relative import specifier from directory `from` to path `to` (no extension, always starting with '.'). */
function specifier(from, to) {
  const r = relative(from, to).split(sep).join('/');
  return r.startsWith('.') ? r : `./${r}`;
}

/**
 * The generated files' texts by file name. `roots`: folders holding kind folders (ids must be unique across
 * them); `outDir`: where the files will live; `srcDir`: the app's src (for the contract types).
 */
export function renderRegistries({ roots = [KINDS_DIR], outDir = KINDS_DIR, srcDir = resolve(KINDS_DIR, '..') } = {}) {
  const kinds = roots.flatMap(kindFolders);
  const dup = kinds.find((k, i) => kinds.findIndex((o) => o.id === k.id) !== i);
  if (dup) throw new Error(`two kind folders are named ${dup.id}`);
  const rel = (p) => specifier(outDir, join(srcDir, p));
  const files = {};
  for (const rt of RUNTIMES) {
    const has = rt.optional ? kinds.filter((k) => existsSync(join(k.dir, `${rt.file}.ts`))) : kinds;
    const imports = has.map((k) => `import { ${rt.name} as ${k.id}_ } from '${specifier(outDir, join(k.dir, rt.file))}';`).join('\n');
    const entries = has.map((k) => `  ${k.id}: ${k.id}_,`).join('\n');
    files[rt.out] = `// Generated by src/kinds/registry.mjs from the kind folders; do not edit (it is rewritten before every build and test).\n${rt.header(rel)}\n${imports}\n\n${rt.body(entries)}\n`;
  }
  return files;
}

/** Writes the generated files that differ from `renderRegistries(opts)`; returns the paths it wrote. */
export function writeRegistries(opts = {}) {
  const outDir = opts.outDir ?? KINDS_DIR;
  const wrote = [];
  for (const [name, text] of Object.entries(renderRegistries(opts))) {
    const path = join(outDir, name);
    if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
    writeFileSync(path, text);
    wrote.push(path);
  }
  return wrote;
}

/** The generated files that are missing or out of date (paths). */
export function staleRegistries(opts = {}) {
  const outDir = opts.outDir ?? KINDS_DIR;
  return Object.entries(renderRegistries(opts))
    .filter(([name, text]) => !existsSync(join(outDir, name)) || readFileSync(join(outDir, name), 'utf8') !== text)
    .map(([name]) => join(outDir, name));
}

/** Vite plugin: brings the registries up to date when Vite (build, dev server, Vitest) starts, and when a kind folder comes or goes in dev. */
export function kindRegistries() {
  return {
    name: 'mtl-kind-registries',
    config() {
      writeRegistries();
    },
    configureServer(server) {
      const again = (path) => {
        if (dirname(path) === KINDS_DIR || dirname(dirname(path)) === KINDS_DIR) writeRegistries();
      };
      server.watcher.on('addDir', again);
      server.watcher.on('unlinkDir', again);
      server.watcher.on('add', again);
      server.watcher.on('unlink', again);
    },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    const stale = staleRegistries();
    for (const p of stale) console.error(`out of date: ${relative(process.cwd(), p)} (run node src/kinds/registry.mjs)`);
    process.exit(stale.length ? 1 : 0);
  }
  for (const p of writeRegistries()) console.log(`wrote ${relative(process.cwd(), p)}`);
}
