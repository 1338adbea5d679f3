/**
 * Every `wc-survey` command reads its options through one parseArgs wrapper: the same words for
 * an unknown option, a missing value and help, then the command's usage, exit 2 (help: 0).
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { main } from '../../../src/cli'
import { parseCommandLine } from '../../../src/cli/command-line'

async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const text = (chunk: string | Uint8Array): string => (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
  vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += text(c)), true))
  vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += text(c)), true))
  try {
    return { code: await main(args), out, err }
  } finally {
    vi.restoreAllMocks()
  }
}
afterEach(() => vi.restoreAllMocks())

// Each command with an option that needs a value, given last with none (check and compare have
// only flags: a flag given a value instead).
const COMMANDS: ReadonlyArray<[command: string, missing: string[], said: string]> = [
  ['parse', ['scan.txt', '--format'], "--format needs a value"],
  ['probe', ['--timeout-ms'], '--timeout-ms needs a value'],
  ['watch', ['--duration', '10m', '--ssid'], '--ssid needs a value'],
  ['check', ['a.wcsurvey', '--json=yes'], '--json takes no value'],
  ['compare', ['a.wcsurvey', 'b.wcsurvey', '--json=1'], '--json takes no value'],
  ['report', ['a.wcsurvey', '-o'], '-o needs a value'],
  ['rules', ['--format'], '--format needs a value'],
  ['charger', ['10.0.0.7', '--ssid'], '--ssid needs a value'],
  ['serve', ['--port'], '--port needs a value']
]

describe.each(COMMANDS)('wc-survey %s', (command, missing, said) => {
  it("an unknown option: exit 2, \"unknown option '--frobnicate'\", then the command's usage", async () => {
    const r = await runCli([command, '--frobnicate'])
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err.startsWith(`wc-survey ${command}: unknown option '--frobnicate'\n\nUsage: wc-survey ${command}`)).toBe(true)
  })

  it(`a missing value: exit 2, "${said}", then the usage`, async () => {
    const r = await runCli([command, ...missing])
    expect(r.code).toBe(2)
    expect(r.err.startsWith(`wc-survey ${command}: ${said}\n\nUsage: wc-survey ${command}`)).toBe(true)
  })

  it('--help and -h: the usage on stdout, exit 0, even beside a bad option', async () => {
    for (const help of ['--help', '-h']) {
      const r = await runCli([command, '--frobnicate', help])
      expect(r).toMatchObject({ code: 0, err: '' })
      expect(r.out.startsWith(`Usage: wc-survey ${command}`)).toBe(true)
    }
  })
})

describe('parseCommandLine', () => {
  const OPTIONS = { ssid: { type: 'string' }, json: { type: 'boolean', default: false } } as const

  it('gives typed values and the positional arguments', () => {
    expect(parseCommandLine(['a', '--ssid', 'Garage EV', 'b', '--json'], OPTIONS)).toMatchObject({ values: { ssid: 'Garage EV', json: true }, positionals: ['a', 'b'] })
  })

  it.each([
    [['--constructor'], "unknown option '--constructor'"], // not Object.prototype's
    [['-x'], "unknown option '-x'"],
    [['--ssid'], '--ssid needs a value'],
    [['--ssid', '--json'], '--ssid needs a value'], // a forgotten value, not the SSID "--json"
    [['--json=no'], '--json takes no value']
  ])('%j → %s', (args, said) => {
    expect(parseCommandLine(args, OPTIONS)).toBe(said)
  })

  it('takes a value starting with a dash when written --ssid=…, and anything after -- as a positional', () => {
    expect(parseCommandLine(['--ssid=-EV-'], OPTIONS)).toMatchObject({ values: { ssid: '-EV-' } })
    expect(parseCommandLine(['--', '--json'], OPTIONS)).toMatchObject({ values: { json: false }, positionals: ['--json'] })
  })
})
