/**
 * mDNS discovery over real multicast: two network namespaces joined by a veth pair (the laptop
 * and a Wall Connector on one link); a responder announces TeslaWallConnector_<serial>.local in
 * one, discovery runs in the other. Nothing leaves the namespaces.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { skipFor } from '../support/requires'
import { labUnavailable } from './lab-network'

const skip = skipFor('lab', labUnavailable())
const NS = { laptop: `wcmdns-${process.pid}-l`, charger: `wcmdns-${process.pid}-w` }
const tsx = (file: string, ...args: string[]) => [process.execPath, '--import', 'tsx', resolve(import.meta.dirname, file), ...args]

function sh(args: readonly string[]): void {
  execFileSync(args[0] ?? 'true', args.slice(1), { stdio: 'pipe', timeout: 20000 })
}

describe.skipIf(skip)('charger discovery over multicast DNS (namespaces)', () => {
  let responder: ChildProcess | null = null

  beforeAll(async () => {
    for (const ns of Object.values(NS)) {
      sh(['ip', 'netns', 'add', ns])
      sh(['ip', '-n', ns, 'link', 'set', 'lo', 'up'])
    }
    sh(['ip', 'link', 'add', 'l0', 'netns', NS.laptop, 'type', 'veth', 'peer', 'name', 'w0', 'netns', NS.charger])
    for (const [ns, dev, addr] of [[NS.laptop, 'l0', '10.232.0.1/24'], [NS.charger, 'w0', '10.232.0.2/24']] as const) {
      sh(['ip', '-n', ns, 'addr', 'add', addr, 'dev', dev])
      sh(['ip', '-n', ns, 'link', 'set', dev, 'up', 'multicast', 'on'])
      // The mDNS group is on-link: route it out of the veth (there is no default route here).
      sh(['ip', '-n', ns, 'route', 'add', '224.0.0.0/4', 'dev', dev])
    }
    const child = spawn('ip', ['netns', 'exec', NS.charger, ...tsx('mdns-responder.ts', 'B7S24024J01612', '10.232.0.2')], { stdio: ['ignore', 'pipe', 'pipe'] })
    responder = child
    await new Promise<void>((ok, fail) => {
      child.stdout.on('data', (c: Buffer) => (c.toString().includes('ready') ? ok() : undefined))
      child.on('exit', (code) => fail(new Error(`responder exited ${code}`)))
    })
  })

  afterAll(() => {
    responder?.kill('SIGTERM')
    for (const ns of Object.values(NS)) {
      const pids = spawnSync('ip', ['netns', 'pids', ns], { encoding: 'utf8' }).stdout ?? ''
      for (const pid of pids.split('\n').map(Number).filter((p) => p > 0)) process.kill(pid, 'SIGKILL')
      spawnSync('ip', ['netns', 'del', ns])
    }
  })

  it('finds the charger by its mDNS name, with its address, within the time limit; resolves its .local name', async () => {
    const out = execFileSync('ip', ['netns', 'exec', NS.laptop, ...tsx('mdns-discover-child.ts', '2500', 'TeslaWallConnector_B7S24024J01612.local')], { encoding: 'utf8', timeout: 30000 })
    // Cast: the child is our own charger CLI printing --json; the fields read are asserted.
    const result = JSON.parse(out) as { chargers: unknown[]; error: string | null; progressTicks: number; resolved: unknown }
    expect(result.error).toBeNull()
    expect(result.chargers).toEqual([{ host: 'TeslaWallConnector_B7S24024J01612.local', serial: 'B7S24024J01612', addresses: ['10.232.0.2'] }])
    expect(result.progressTicks).toBeGreaterThan(3)
    expect(result.resolved).toEqual(['10.232.0.2'])
  })

  it('nothing on the link: an empty list after the time limit, no error', async () => {
    responder?.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 300))
    const out = execFileSync('ip', ['netns', 'exec', NS.laptop, ...tsx('mdns-discover-child.ts', '1200')], { encoding: 'utf8', timeout: 30000 })
    expect(JSON.parse(out)).toMatchObject({ chargers: [], error: null, cancelled: false })
  })
})
