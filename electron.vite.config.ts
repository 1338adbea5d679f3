import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The CLI and the browser-mode server are built with the main process: they share its
        // Electron-free services (wifi, probe, survey, report).
        input: {
          index: resolve('src/main/electron/main.ts'),
          cli: resolve('src/cli/index.ts')
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': bundle whatever it imports (today only the
      // zod-free shared/contract-names.ts, lint-enforced) into the one file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload cannot `require` chunks: emit one self-contained CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true }
      }
    }
  },
  renderer: {
    root: 'src/renderer',
    build: {
      rollupOptions: {
        // report.html: the print page main loads in a hidden window or headless Chromium (src/main/report).
        input: { index: resolve('src/renderer/index.html'), report: resolve('src/renderer/report.html') }
      }
    },
    plugins: [react()]
  }
})
