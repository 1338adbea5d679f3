/** `import text from '<file>?raw'` (Vite, and so Vitest): the file's text, for fixtures read by renderer tests, which run without Node's types. */
declare module '*?raw' {
  const text: string
  export default text
}
