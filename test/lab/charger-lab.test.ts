/**
 * The charger check across a real network (issue 13, item 7): the fake charger runs in the lab's
 * cloud namespace, the real built `wc-survey charger` in the client namespace, the router's
 * nftables rules make a port dead (rejected) or silent (dropped).
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { realReport } from '../support/charger-readings'
import { skipFor } from '../support/requires'
import { Lab, LAB, labUnavailable } from './lab-network'

const cli = resolve(import.meta.dirname, '../../bin/wc-survey.js')
const fake = resolve(import.meta.dirname, '../support/fake-charger.ts')
const built = existsSync(resolve(import.meta.dirname, '../../out/main/cli.js'))
const skip = skipFor('lab', labUnavailable()) || skipFor('lab', built ? null : 'out/main/cli.js is missing: run `npm run build` before the lab tier')

/** The fake chargers: one body set per port on the cloud's own address. */
const PORTS = { real: 80, einarhauks: 8081, html: 8082, huge: 8083, redirect: 8084, 'missing-brace': 8085 } as const

describe.skipIf(skip)('charger check in the lab (real network, real CLI)', () => {
  let lab: Lab | null = null

  beforeAll(async () => {
    lab = await Lab.start()
    for (const [set, port] of Object.entries(PORTS)) {
      await lab.startInCloud([process.execPath, '--import', 'tsx', fake, '--listen', `${LAB.cloud}:${port}`, '--set', set], `fake charger ${set}`, /^listening /m)
    }
  })

  afterAll(async () => {
    await lab?.close()
  })

  async function charger(port: number, args: readonly string[] = []) {
    if (!lab) throw new Error('lab not started')
    return lab.exec([process.execPath, cli, 'charger', port === 80 ? LAB.cloud : `${LAB.cloud}:${port}`, '--json', '--timeout-ms', '1500', ...args])
  }

  it('open network, real bodies: the JSON, exit 0', async () => {
    await lab?.setScenario('open')
    const r = await charger(PORTS.real, ['--ssid', 'SSIORBI'])
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual(realReport(LAB.cloud))
  })

  it('einarhauks bodies: weak signal warns, exit 1', async () => {
    const r = await charger(PORTS.einarhauks, ['--ssid', 'TestNetwork'])
    expect(r.code, r.stderr).toBe(1)
    expect(JSON.parse(r.stdout).findings.map((f: { result: string }) => f.result)).toEqual(['pass', 'pass', 'warn'])
  })

  it('missing closing brace survives the network too', async () => {
    const r = await charger(PORTS['missing-brace'], ['--ssid', 'SSIORBI'])
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).warnings).toEqual(['lifetime: missing closing brace added'])
  })

  it('10 MB answer: refused at the limit, exit 0 on the rest', async () => {
    const r = await charger(PORTS.huge, ['--ssid', 'SSIORBI'])
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).warnings).toEqual(["vitals: the answer is over the 65536-byte limit (not a charger's answer); cut off"])
  })

  it.each([['html', PORTS.html, 'an HTML page, not JSON'], ['redirect', PORTS.redirect, 'a redirect to another host, not followed']] as const)('%s: exit 2 with a clear message', async (_name, port, message) => {
    const r = await charger(port)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(message)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('TCP 80 rejected by the firewall: exit 2, well within the timeout', async () => {
    await lab?.setScenario('http-prohibited')
    const r = await charger(PORTS.real)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/no route to 10\.231\.2\.2:80|connection refused/)
    await lab?.setScenario('open')
  })

  it('everything dropped (a silent charger): exit 2 after the timeout, saying so', async () => {
    await lab?.setScenario('all-dropped')
    const r = await charger(PORTS.real)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('no complete answer within 1500 ms from 10.231.2.2:80')
    await lab?.setScenario('open')
  })
})
