/** Errors raised while training, in words the page shows. */

/** A thrown value in words; an engine's out-of-memory abort in words a user can act on. */
export function errorMessage(err: unknown): string {
  const text = err instanceof Error ? err.message || err.name : String(err);
  if (/^Aborted\(|out of memory|Array buffer allocation failed|Invalid typed array length|memory access out of bounds/i.test(text))
    return `The training engine ran out of memory (${text.slice(0, 80)}). Lower the batch size, the units or the number of classes, or choose another backend.`;
  return text;
}
