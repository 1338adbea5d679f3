import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findProjectRoot, parseServeArgs } from '../../../src/cli/commands/serve'

describe('wc-survey serve arguments', () => {
  it.each([
    [[], { port: 0, open: false }],
    [['--port', '8080'], { port: 8080, open: false }],
    [['--open', '--port', '0'], { port: 0, open: true }],
    [['--help'], 'help']
  ])('%j → %j', (args, expected) => {
    expect(parseServeArgs(args)).toEqual(expected)
  })

  it.each([[['--port']], [['--port', 'x']], [['--port', '70000']], [['--port', '-1']], [['--port', '80.5']], [['--host', '0.0.0.0']]])('refuses %j', (args) => {
    expect(parseServeArgs(args)).toMatch(/--port needs a (number|value)|unknown option/)
  })

  it('finds the project folder from any file inside it', () => {
    const root = join(import.meta.dirname, '..', '..', '..')
    expect(findProjectRoot(join(root, 'src', 'cli', 'commands'))).toBe(root)
    expect(() => findProjectRoot('/')).toThrow(/Could not find the wc-site-survey project folder/)
  })
})
