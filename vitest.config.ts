import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

/**
 * Test tiers, fast to slow (ARCHITECTURE.md "Tests"). `npm test` runs them all; tiers that need
 * a tool this machine lacks print SKIPPED with the reason, except under CI=true where only the
 * Electron tier may skip (for the missing Electron binary).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          testTimeout: 20000
        }
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}']
        }
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 90000,
          hookTimeout: 90000
        }
      },
      {
        test: {
          name: 'lab',
          environment: 'node',
          include: ['test/lab/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120000,
          hookTimeout: 120000
        }
      },
      {
        test: {
          name: 'electron',
          environment: 'node',
          include: ['test/electron/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 90000,
          hookTimeout: 90000
        }
      }
    ]
  }
})
