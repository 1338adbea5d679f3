// ESLint: TypeScript rules plus the environment boundaries of ARCHITECTURE.md, enforced by lint
// rather than review: shared imports nothing of main/renderer/electron/Node; the renderer never
// imports electron or main; raw ipcMain/ipcRenderer only inside their wrappers.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'net', 'dgram', 'dns', 'tls', 'http', 'https', 'crypto', 'stream', 'util', 'events']

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/fixtures/**', 'assets/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='exec'][callee.object.name='child_process']",
          message: 'Never run a shell: use execFile with an argument array (SSIDs are hostile text).'
        }
      ]
    }
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**'], message: 'shared/ imports nothing of main, renderer, preload or cli.' },
            { group: ['electron', 'react', 'react-dom', ...nodeBuiltins], message: 'shared/ is pure: no Electron, DOM framework or Node imports.' }
          ]
        }
      ]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/preload/**', '**/cli/**'], message: 'The renderer talks to main only through the contract (src/shared/contract.ts).' },
            { group: ['electron', ...nodeBuiltins], message: 'The renderer runs sandboxed: no Electron or Node imports.' }
          ]
        }
      ]
    }
  },
  {
    files: ['src/main/wifi/**/*.ts', 'src/main/probe/**/*.ts', 'src/main/charger/**/*.ts', 'src/main/survey/**/*.ts', 'src/main/web/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Services stay Electron-free so they are testable in plain Node (ARCHITECTURE.md).' }] }
      ]
    }
  },
  {
    // Raw IPC objects only inside their typed wrappers (GitHub Desktop's rule).
    files: ['src/**/*.ts'],
    ignores: ['src/main/ipc/**', 'src/preload/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportSpecifier[imported.name='ipcMain']", message: 'Use the typed wrappers in src/main/ipc.' },
        { selector: "ImportSpecifier[imported.name='ipcRenderer']", message: 'Only the preload touches ipcRenderer.' },
        {
          selector: "CallExpression[callee.property.name='exec'][callee.object.name='child_process']",
          message: 'Never run a shell: use execFile with an argument array (SSIDs are hostile text).'
        }
      ]
    }
  }
)
