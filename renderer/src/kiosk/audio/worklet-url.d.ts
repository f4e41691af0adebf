/** Vite bundles a module imported with `?worker&url` as its own script and gives its URL (used for the audio worklet). */
declare module '*?worker&url' {
  const url: string
  export default url
}
