/** Types of registry.mjs (the node-kind registry generator); see that file. */
import type { Plugin } from 'vite';

/** src/kinds: the root of the app's kind folders and the home of the generated registries. */
export const KINDS_DIR: string;

/** Where the generated files go and which folders they collect. */
export interface RegistryOptions {
  /** folders holding kind folders (default: src/kinds alone) */
  roots?: string[];
  /** where the generated files live (default: src/kinds) */
  outDir?: string;
  /** the app's src folder (default: the parent of src/kinds) */
  srcDir?: string;
}

/** One generated registry per runtime: its file name, the file every kind has for it (optional: only some do), and that file's export. */
export const RUNTIMES: readonly { out: string; file: string; name: string; optional?: boolean }[];

/** The kind folders under `root`, sorted by id; throws on a folder name that cannot be an id. */
export function kindFolders(root: string): { id: string; dir: string }[];

/** The generated files' texts by file name. */
export function renderRegistries(opts?: RegistryOptions): Record<string, string>;

/** Writes the generated files that are out of date; returns their paths. */
export function writeRegistries(opts?: RegistryOptions): string[];

/** The generated files that are missing or out of date (paths). */
export function staleRegistries(opts?: RegistryOptions): string[];

/** Vite plugin that keeps the registries up to date. */
export function kindRegistries(): Plugin;
