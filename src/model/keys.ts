/** Safe keyed records for user text (node ids, task ids, class names, param keys). */

/**
 * true when `key` names a property every plain object inherits (`__proto__`, `constructor`, `toString`, …):
 * such a key read from a `{}` returns a function or the prototype instead of undefined.
 */
export function isReservedKey(key: string): boolean {
  return key === '__proto__' || Object.prototype.hasOwnProperty.call(Object.prototype, key);
}

/** An empty record with no prototype: every key, `__proto__` included, is an own property or undefined. */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
