/** Typings of the penguin rows imported by path (see the alias in vite.config.ts). */
declare module 'vega-datasets/data/penguins.json' {
  const rows: Record<string, string | number | null>[];
  export default rows;
}
