/** The packed MNIST digits' URL (plugin.ts). */
declare module 'virtual:mnist-digits-url' {
  const url: string;
  export default url;
}
