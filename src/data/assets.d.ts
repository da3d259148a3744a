/** Typings of the dataset files imported by path (see the alias in vite.config.ts). */
declare module 'vega-datasets/data/penguins.json' {
  const rows: Record<string, string | number | null>[];
  export default rows;
}

/** The packed MNIST digits' URL (src/data/mnistPlugin.ts). */
declare module 'virtual:mnist-digits-url' {
  const url: string;
  export default url;
}
