// Vitest setup: Node has no IndexedDB key ranges; the tests' fake-indexeddb factories take fake-indexeddb's own.
import { IDBKeyRange } from 'fake-indexeddb';

globalThis.IDBKeyRange ??= IDBKeyRange;
