// ESLint: type-aware TypeScript rules plus the environment boundaries of ARCHITECTURE.md,
// enforced by lint rather than review: shared imports nothing of main/renderer/electron/Node; the
// renderer never imports electron or main; only the Electron glue (src/main/electron, the
// preload) imports electron; raw ipcMain/ipcRenderer only inside their wrappers.
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import castNeedsWhy from './scripts/eslint/cast-needs-why.js'

/**
 * Node's own modules, from Node itself (a typed list goes stale): exact names as `paths` (a
 * gitignore-style pattern `events` would also catch a local `./events`), `node:` as a pattern.
 */
const nodeBuiltinPaths = (message) => builtinModules.filter((name) => !name.startsWith('_')).map((name) => ({ name, message }))
const nodeSchemePattern = (message) => ({ group: ['node:*'], message })

/** The Electron glue: the only modules that may import electron. Everything else runs in plain Node. */
const electronGlue = ['src/main/electron/**', 'src/preload/**']

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/fixtures/**', 'assets/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { local: { rules: { 'cast-needs-why': castNeedsWhy } } },
    rules: {
      'local/cast-needs-why': 'error',
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
    // Type-aware rules: a promise nobody awaits loses its error (an unhandled rejection ends a
    // Node process), and a switch over a union must name every member so a new one is handled.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: false }]
    }
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...['electron', 'react', 'react-dom'].map((name) => ({ name, message: 'shared/ is pure: no Electron or DOM framework imports.' })),
            ...nodeBuiltinPaths('shared/ is pure: no Node imports.')
          ],
          patterns: [
            { group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**'], message: 'shared/ imports nothing of main, renderer, preload or cli.' },
            nodeSchemePattern('shared/ is pure: no Node imports.')
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
          paths: [
            { name: 'electron', message: 'The renderer runs sandboxed: no Electron imports.' },
            ...nodeBuiltinPaths('The renderer runs sandboxed: no Node imports.')
          ],
          patterns: [
            { group: ['**/main/**', '**/preload/**', '**/cli/**'], message: 'The renderer talks to main only through the contract (src/shared/contract.ts).' },
            nodeSchemePattern('The renderer runs sandboxed: no Node imports.')
          ]
        }
      ]
    }
  },
  {
    // Every module but the glue stays Electron-free, so it runs in plain Node (browser mode, CLI,
    // tests). A new file is covered by default: only the glue folders are left out.
    // (shared/ and the renderer have stricter zones of their own, above; tests may mock electron.)
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.{ts,tsx,js}'],
    ignores: [...electronGlue, 'src/shared/**', 'src/renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Services stay Electron-free so they are testable in plain Node (ARCHITECTURE.md).' }] }
      ]
    }
  },
  {
    // The preload imports names, not schemas: contract.ts would bundle zod and every schema into
    // it (185 KB → 2 KB). Types from the contract are fine: they are erased.
    files: ['src/preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'The preload validates nothing (main does): no zod.' }, ...nodeBuiltinPaths('A sandboxed preload can require only electron.')],
          patterns: [
            { group: ['**/shared/contract'], allowTypeImports: true, message: 'Import the names from shared/contract-names (types from contract are fine).' },
            { group: ['**/shared/model/**', '**/shared/requirements/**'], allowTypeImports: true, message: 'The preload bundles no schema or rule.' },
            nodeSchemePattern('A sandboxed preload can require only electron.')
          ]
        }
      ]
    }
  },
  {
    // Raw IPC objects only inside their typed wrappers (GitHub Desktop's rule).
    files: ['src/**/*.ts'],
    ignores: ['src/main/electron/ipc.ts', 'src/preload/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportSpecifier[imported.name='ipcMain']", message: 'Use the typed wrappers in src/main/electron/ipc.ts.' },
        { selector: "ImportSpecifier[imported.name='ipcRenderer']", message: 'Only the preload touches ipcRenderer.' },
        {
          selector: "CallExpression[callee.property.name='exec'][callee.object.name='child_process']",
          message: 'Never run a shell: use execFile with an argument array (SSIDs are hostile text).'
        }
      ]
    }
  }
)
