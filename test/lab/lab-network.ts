/**
 * The probe lab: three network namespaces — a client (the laptop), a router with nftables and a
 * "cloud" running real Debian servers (dnsmasq, chronyd, nginx) — wired with veth pairs on
 * 10.231.0.0/16 addresses that exist only inside the namespaces. Each scenario swaps the router's
 * nftables rules; the probe runs in the client namespace as a child process with its own
 * resolv.conf (`ip netns exec` bind-mounts /etc/netns/<ns>/resolv.conf).
 *
 * Everything it starts it tears down (servers by PID, namespaces, /etc/netns dirs, temp files),
 * also on process exit. Used by test/lab and scripts/bench/probe.ts.
 */
import { execFile, execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { errorCode } from '../../src/main/probe/failure-kind'
import { buildPlan } from '../../src/main/probe/plan'

const run = promisify(execFile)

/** Address plan: client 10.231.1.0/24, cloud 10.231.2.0/24, one address per server role. */
export const LAB = {
  client: '10.231.1.2',
  routerInside: '10.231.1.1',
  routerOutside: '10.231.2.1',
  cloud: '10.231.2.2',
  dns: '10.231.2.53',
  web: '10.231.2.80',
  ntp: '10.231.2.123',
  portal: '10.231.2.11',
  interceptor: '10.231.2.12',
  slow: '10.231.2.13',
  /** A web server no charger needs: the firewall handout must keep it out of reach. */
  outside: '10.231.2.99'
} as const

/** The outside web server's name, answered by the lab's DNS like the chargers' hosts. */
export const OUTSIDE_HOST = 'outside.wclab.test'

/** The delay the slow relay adds to every client→server message, in ms. */
export const SLOW_DELAY_MS = 300

const PACKAGES: readonly { bin: string; pkg: string }[] = [
  { bin: 'ip', pkg: 'iproute2' },
  { bin: 'nft', pkg: 'nftables' },
  { bin: 'dnsmasq', pkg: 'dnsmasq' },
  { bin: 'chronyd', pkg: 'chrony' },
  { bin: 'nginx', pkg: 'nginx-light' },
  { bin: 'openssl', pkg: 'openssl' },
  { bin: 'conntrack', pkg: 'conntrack' }
]

function which(bin: string): boolean {
  for (const dir of ['/usr/sbin', '/usr/bin', '/sbin', '/bin']) if (existsSync(join(dir, bin))) return true
  return false
}

/** Why the lab cannot run here, or null when it can (root, `ip netns` usable, packages present). */
export function labUnavailable(): string | null {
  if (process.platform !== 'linux') return 'the probe lab needs Linux network namespaces'
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'the probe lab needs root (network namespaces, nftables)'
  const missing = PACKAGES.filter((p) => !which(p.bin)).map((p) => p.pkg)
  if (missing.length > 0) return `the probe lab needs these Debian packages: ${missing.join(' ')}`
  const probe = `wclab-${process.pid}-t`
  const add = spawnSync('ip', ['netns', 'add', probe], { encoding: 'utf8' })
  if (add.status !== 0) return `\`ip netns add\` does not work here: ${(add.stderr || '').trim()}`
  spawnSync('ip', ['netns', 'del', probe])
  return null
}

/** Firewall scenarios: the router's forward/NAT rules (nft syntax, inside `table inet wclab`). */
export const SCENARIOS = {
  open: { forward: [], nat: [] },
  'ntp-dropped': { forward: ['udp dport 123 drop'], nat: [] },
  'ntp-rejected': { forward: ['udp dport 123 reject'], nat: [] },
  'dns-dropped': { forward: ['udp dport 53 drop', 'tcp dport 53 drop'], nat: [] },
  'dns-rejected': { forward: ['udp dport 53 reject', 'tcp dport 53 reject with tcp reset'], nat: [] },
  'tls-reset': { forward: ['tcp dport 443 reject with tcp reset'], nat: [] },
  'http-dropped': { forward: ['tcp dport 80 drop'], nat: [] },
  // A firewall answering "administratively prohibited" (ICMP type 3 code 13).
  'http-prohibited': { forward: ['tcp dport 80 reject with icmpx type admin-prohibited'], nat: [] },
  'all-dropped': { forward: ['ip daddr 10.231.2.0/24 drop'], nat: [] },
  // A captive portal: the router sends every port-80 connection to its own login server.
  portal: { forward: [], nat: [`tcp dport 80 dnat ip to ${LAB.portal}`] },
  // TLS inspection: port 443 goes to a box that mints certificates from its own CA.
  intercepted: { forward: [], nat: [`tcp dport 443 dnat ip to ${LAB.interceptor}`] },
  // What a site often looks like: NTP dropped and TLS inspected (the screenshot and the docs).
  'partly-blocked': { forward: ['udp dport 123 drop'], nat: [`tcp dport 443 dnat ip to ${LAB.interceptor}`] },
  // A slow path: every service goes through a relay that holds each request back.
  slow: { forward: [], nat: [`ip daddr { ${LAB.dns}, ${LAB.web}, ${LAB.ntp} } dnat ip to ${LAB.slow}`] }
} as const satisfies Record<string, { forward: readonly string[]; nat: readonly string[] }>
export type Scenario = keyof typeof SCENARIOS

/** Every host name of the real default plan: the lab's DNS answers all of them. */
export function planHosts(): string[] {
  return [...new Set(buildPlan().map((c) => c.host))]
}

/** Hosts answered by the NTP server; every other name points at the web server. */
const NTP_NAMES = new Set(buildPlan().filter((c) => c.protocol === 'ntp').map((c) => c.host))

export interface ProbeChild {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
  readonly ms: number
}

/** A running lab; `close()` tears everything down (idempotent). */
export class Lab {
  readonly prefix = `wclab-${process.pid}`
  readonly ns = { client: `${this.prefix}-c`, router: `${this.prefix}-r`, cloud: `${this.prefix}-k` }
  readonly dir = mkdtempSync(join(tmpdir(), 'wclab-'))
  readonly caFile = join(this.dir, 'lab-ca.pem')
  private readonly servers: ChildProcess[] = []
  private dnsmasq: ChildProcess | null = null
  private closed = false
  private readonly onExit = () => this.closeSync()
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.closeSync()
    process.kill(process.pid, signal)
  }

  private constructor() {
    process.once('exit', this.onExit)
    process.once('SIGINT', this.onSignal)
    process.once('SIGTERM', this.onSignal)
  }

  /** Builds the topology, the certificates and starts every server. */
  static async start(): Promise<Lab> {
    removeOrphanedLabs()
    const lab = new Lab()
    try {
      await lab.buildTopology()
      await lab.makeCertificates()
      await lab.startServers()
      await lab.setScenario('open')
      await lab.waitForServers()
    } catch (error) {
      lab.closeSync()
      throw error
    }
    return lab
  }

  private async sh(args: readonly string[]): Promise<string> {
    const { stdout } = await run(args[0] ?? 'true', args.slice(1), { encoding: 'utf8', timeout: 20000 })
    return stdout
  }

  private inNs(ns: string, args: readonly string[]): Promise<string> {
    return this.sh(['ip', 'netns', 'exec', ns, ...args])
  }

  private async buildTopology(): Promise<void> {
    const { client, router, cloud } = this.ns
    for (const ns of [client, router, cloud]) {
      await this.sh(['ip', 'netns', 'add', ns])
      await this.sh(['ip', '-n', ns, 'link', 'set', 'lo', 'up'])
    }
    // veth pairs created straight inside the namespaces: nothing touches the host's own links.
    await this.sh(['ip', 'link', 'add', 'c0', 'netns', client, 'type', 'veth', 'peer', 'name', 'r0', 'netns', router])
    await this.sh(['ip', 'link', 'add', 'r1', 'netns', router, 'type', 'veth', 'peer', 'name', 'k0', 'netns', cloud])
    await this.sh(['ip', '-n', client, 'addr', 'add', `${LAB.client}/24`, 'dev', 'c0'])
    await this.sh(['ip', '-n', router, 'addr', 'add', `${LAB.routerInside}/24`, 'dev', 'r0'])
    await this.sh(['ip', '-n', router, 'addr', 'add', `${LAB.routerOutside}/24`, 'dev', 'r1'])
    for (const a of [LAB.cloud, LAB.dns, LAB.web, LAB.ntp, LAB.portal, LAB.interceptor, LAB.slow, LAB.outside]) {
      await this.sh(['ip', '-n', cloud, 'addr', 'add', `${a}/24`, 'dev', 'k0'])
    }
    for (const [ns, dev] of [[client, 'c0'], [router, 'r0'], [router, 'r1'], [cloud, 'k0']] as const) {
      await this.sh(['ip', '-n', ns, 'link', 'set', dev, 'up'])
    }
    await this.sh(['ip', '-n', client, 'route', 'add', 'default', 'via', LAB.routerInside])
    await this.sh(['ip', '-n', cloud, 'route', 'add', 'default', 'via', LAB.routerOutside])
    await this.inNs(router, ['sysctl', '-q', '-w', 'net.ipv4.ip_forward=1'])
    // Linux rate-limits ICMP errors; under a burst of rejected queries some would go unanswered
    // and a "refused" would turn into a "timeout". The lab needs every reject to be sent.
    await this.inNs(router, ['sysctl', '-q', '-w', 'net.ipv4.icmp_ratelimit=0'])
    await this.inNs(router, ['sysctl', '-q', '-w', 'net.ipv4.icmp_msgs_per_sec=100000'])
    await this.inNs(cloud, ['sysctl', '-q', '-w', 'net.ipv4.icmp_ratelimit=0'])
    const etc = `/etc/netns/${client}`
    mkdirSync(etc, { recursive: true })
    this.useResolver(LAB.dns)
  }

  /** The DNS server the client namespace asks (its resolv.conf), read by every later command. */
  useResolver(address: string): void {
    const etc = `/etc/netns/${this.ns.client}`
    mkdirSync(etc, { recursive: true })
    writeFileSync(join(etc, 'resolv.conf'), `# wc-site-survey probe lab (no options: the benchmark baseline runs with the tools' defaults)\nnameserver ${address}\n`)
  }

  private async openssl(args: readonly string[]): Promise<void> {
    await this.sh(['openssl', ...args])
  }

  private async issue(name: string, caName: string, subject: string): Promise<void> {
    const d = this.dir
    const ca = join(d, `${caName}.pem`)
    await this.openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
      '-subj', `/O=WC probe lab/CN=${subject}`, '-keyout', join(d, `${caName}.key`), '-out', ca,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'])
    const ext = join(d, `${name}.ext`)
    writeFileSync(ext, [
      `subjectAltName=${planHosts().map((h) => `DNS:${h}`).join(',')}`,
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=serverAuth',
      ''
    ].join('\n'))
    await this.openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', `/O=WC probe lab/CN=${name}`,
      '-keyout', join(d, `${name}.key`), '-out', join(d, `${name}.csr`)])
    await this.openssl(['x509', '-req', '-in', join(d, `${name}.csr`), '-CA', ca, '-CAkey', join(d, `${caName}.key`), '-set_serial', String(Date.now()),
      '-days', '2', '-extfile', ext, '-out', join(d, `${name}.pem`)])
  }

  private async makeCertificates(): Promise<void> {
    await this.issue('server', 'lab-ca', 'WC Lab Root CA')
    // The interceptor's CA: a firewall's own CA, which the probe (and a charger) does not trust.
    await this.issue('intercept', 'rogue-ca', 'Corporate Firewall Inspection CA')
  }

  private hostsFile(without: string | null): string {
    const lines = planHosts()
      .filter((h) => h !== without)
      .map((h) => `${NTP_NAMES.has(h) ? LAB.ntp : LAB.web} ${h}`)
    return `${[...lines, `${LAB.outside} ${OUTSIDE_HOST}`].join('\n')}\n`
  }

  private spawnIn(ns: string, args: readonly string[], name: string): ChildProcess {
    const child = spawn('ip', ['netns', 'exec', ns, ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
    let err = ''
    child.stderr?.on('data', (c: Buffer) => {
      err = (err + c.toString()).slice(-2000)
    })
    child.on('exit', (code) => {
      if (!this.closed && code !== 0 && code !== null) process.stderr.write(`lab: ${name} exited ${code}: ${err}\n`)
    })
    this.servers.push(child)
    return child
  }

  private startDnsmasq(): void {
    const d = this.dir
    writeFileSync(join(d, 'dnsmasq.conf'), [
      'no-resolv',
      'no-hosts',
      'no-poll',
      `listen-address=${LAB.dns}`,
      'bind-interfaces',
      'port=53',
      `addn-hosts=${join(d, 'hosts')}`,
      // Answered from the hosts file only: a missing name is NXDOMAIN, never forwarded anywhere.
      `local=/${[...new Set([...planHosts(), OUTSIDE_HOST].map((h) => h.split('.').slice(-2).join('.')))].join('/')}/`,
      `pid-file=${join(d, 'dnsmasq.pid')}`,
      'user=root',
      ''
    ].join('\n'))
    this.dnsmasq = this.spawnIn(this.ns.cloud, ['dnsmasq', '--keep-in-foreground', `--conf-file=${join(d, 'dnsmasq.conf')}`], 'dnsmasq')
  }

  private async startServers(): Promise<void> {
    const d = this.dir
    writeFileSync(join(d, 'hosts'), this.hostsFile(null))
    this.startDnsmasq()
    writeFileSync(join(d, 'chrony.conf'), [
      'local stratum 8',
      'allow all',
      `bindaddress ${LAB.ntp}`,
      'port 123',
      'cmdport 0',
      `pidfile ${join(d, 'chronyd.pid')}`,
      `driftfile ${join(d, 'chrony.drift')}`,
      ''
    ].join('\n'))
    // -x: never touch the host's clock; -d: stay in the foreground so we own the process.
    this.spawnIn(this.ns.cloud, ['chronyd', '-d', '-x', '-u', 'root', '-f', join(d, 'chrony.conf')], 'chronyd')
    mkdirSync(join(d, 'nginx-tmp'), { recursive: true })
    const tls = (cert: string) => `ssl_certificate ${join(d, `${cert}.pem`)}; ssl_certificate_key ${join(d, `${cert}.key`)};`
    writeFileSync(join(d, 'nginx.conf'), `
user root;
worker_processes 1;
pid ${join(d, 'nginx.pid')};
error_log ${join(d, 'nginx-error.log')} warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${join(d, 'nginx-tmp')};
  default_type text/plain;
  server { listen ${LAB.web}:80; location / { return 200 "wc lab service\\n"; } }
  # Port 22 on an allowed host, and a host no charger needs: what the handout must keep closed.
  server { listen ${LAB.web}:22; location / { return 200 "not ssh\\n"; } }
  server { listen ${LAB.outside}:80; location / { return 200 "outside\\n"; } }
  server { listen ${LAB.web}:443 ssl; ${tls('server')} location / { return 200 "wc lab service\\n"; } }
  server { listen ${LAB.portal}:80; location / { return 302 http://portal.wclab.test/login?continue=$host; } }
  server { listen ${LAB.interceptor}:443 ssl; ${tls('intercept')} location / { return 200 "inspected\\n"; } }
}
`)
    this.spawnIn(this.ns.cloud, ['nginx', '-c', join(d, 'nginx.conf'), '-g', 'daemon off;'], 'nginx')
    const relay = resolve(import.meta.dirname, 'slow-relay.mjs')
    this.spawnIn(this.ns.cloud, [process.execPath, relay, LAB.slow, String(SLOW_DELAY_MS), LAB.dns, LAB.web, LAB.ntp], 'slow relay')
  }

  private async waitForServers(): Promise<void> {
    // Ready when DNS, NTP, HTTP and TLS all answer from the client namespace. Generous: nginx
    // and chrony can take many seconds to answer on a loaded 2-core machine (seen at load 22).
    const deadline = Date.now() + 45000
    let last = ''
    while (Date.now() < deadline) {
      const result = await this.probe(['--timeout-ms', '1500'])
      try {
        // Cast: the child is our own probe CLI printing --json (src/cli/commands/probe.ts).
        const run = JSON.parse(result.stdout) as { results: { outcome: string; detail: string }[] }
        const bad = run.results.filter((r) => r.outcome !== 'pass')
        if (bad.length === 0) return
        last = bad.map((r) => r.detail).join('\n')
      } catch {
        last = result.stderr || result.stdout
      }
      await new Promise((r) => setTimeout(r, 300))
    }
    throw new Error(`the lab's servers did not come up:\n${last}`)
  }

  /** Loads a firewall scenario into the router (and the DNS data for `nxdomain`). */
  async setScenario(scenario: Scenario, options: { nxdomain?: string } = {}): Promise<void> {
    const s = SCENARIOS[scenario]
    await this.loadRouterRuleset(`table inet wclab {
  chain forward {
    type filter hook forward priority filter; policy accept;
${s.forward.map((r) => `    ${r}`).join('\n')}
  }
  chain prerouting {
    type nat hook prerouting priority dstnat; policy accept;
${s.nat.map((r) => `    ${r}`).join('\n')}
  }
}
`)
    await this.setNxdomain(options.nxdomain ?? null)
  }

  /** Replaces the router's whole ruleset with `ruleset` (nft syntax) and forgets tracked flows. */
  async loadRouterRuleset(ruleset: string): Promise<void> {
    const file = join(this.dir, 'router.nft')
    writeFileSync(file, `flush ruleset\n${ruleset}`)
    await this.inNs(this.ns.router, ['nft', '-f', file])
    // A flow the kernel still tracks keeps the previous scenario's NAT mapping and verdict if a
    // source port is reused: forget every tracked flow so each scenario starts clean.
    await this.inNs(this.ns.router, ['conntrack', '-F']).catch(() => '')
  }

  /** Runs `nft <args>` in the router namespace (e.g. `list set inet t s`). */
  routerNft(args: readonly string[]): Promise<string> {
    return this.inNs(this.ns.router, ['nft', ...args])
  }

  private routerDns: ChildProcess | null = null

  /**
   * (Re)starts a dnsmasq on the router's inside address that forwards to the lab's DNS, with
   * `extraConfig` appended (the handout's nftset= lines): the resolver a site's router gives its
   * chargers. A restart starts with an empty cache. Resolves when it answers.
   */
  async startRouterDns(extraConfig: string): Promise<void> {
    await this.stopRouterDns()
    const d = this.dir
    writeFileSync(join(d, 'router-dnsmasq.conf'), [
      'no-resolv',
      'no-hosts',
      'no-poll',
      `listen-address=${LAB.routerInside}`,
      'bind-interfaces',
      'port=53',
      `server=${LAB.dns}`,
      `pid-file=${join(d, 'router-dnsmasq.pid')}`,
      'user=root',
      extraConfig,
      ''
    ].join('\n'))
    this.routerDns = this.spawnIn(this.ns.router, ['dnsmasq', '--keep-in-foreground', `--conf-file=${join(d, 'router-dnsmasq.conf')}`], 'router dnsmasq')
    const deadline = Date.now() + 10000
    while (Date.now() < deadline) {
      const up = await this.inNs(this.ns.router, ['ss', '-lnu', 'src', `${LAB.routerInside}:53`]).catch(() => '')
      if (up.includes(`${LAB.routerInside}:53`)) return
      await new Promise((r) => setTimeout(r, 100))
    }
    throw new Error('the router\'s dnsmasq did not start listening')
  }

  /** Stops the router's dnsmasq, if one runs. */
  async stopRouterDns(): Promise<void> {
    const child = this.routerDns
    this.routerDns = null
    if (child === null || child.exitCode !== null) return
    await new Promise<void>((done) => {
      child.once('exit', () => done())
      child.kill('SIGTERM')
    })
  }

  private currentNx: string | null = null
  private async setNxdomain(name: string | null): Promise<void> {
    if (name === this.currentNx) return
    this.currentNx = name
    writeFileSync(join(this.dir, 'hosts'), this.hostsFile(name))
    // SIGHUP makes dnsmasq re-read its hosts files and clear its cache.
    if (this.dnsmasq?.pid) {
      const pid = Number((await this.sh(['cat', join(this.dir, 'dnsmasq.pid')])).trim())
      if (pid > 0) process.kill(pid, 'SIGHUP')
      await new Promise((r) => setTimeout(r, 200))
    }
  }

  /**
   * Starts a long-running server of a test's own in the cloud namespace (the fake charger); the lab
   * stops it with the others. Resolves once it prints `ready` on stdout.
   */
  startInCloud(args: readonly string[], name: string, ready: RegExp): Promise<ChildProcess> {
    const child = spawn('ip', ['netns', 'exec', this.ns.cloud, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    this.servers.push(child)
    return new Promise((resolvePromise, reject) => {
      let out = ''
      let err = ''
      child.stderr.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-2000)))
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString()
        if (ready.test(out)) resolvePromise(child)
      })
      child.on('exit', (code) => reject(new Error(`lab: ${name} exited ${code ?? 'by a signal'} before it was ready: ${err}`)))
    })
  }

  /** Runs `node <script> <args>` inside the client namespace with the lab CA trusted. */
  exec(args: readonly string[], env: Record<string, string> = {}): Promise<ProbeChild> {
    const start = performance.now()
    return new Promise((resolvePromise) => {
      const child = spawn('ip', ['netns', 'exec', this.ns.client, ...args], {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: this.caFile, NO_COLOR: '1', ...env },
        stdio: ['ignore', 'pipe', 'pipe']
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
      child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr, ms: performance.now() - start }))
    })
  }

  /** Runs the probe engine (test/lab/probe-child.ts) in the client namespace. */
  probe(args: readonly string[]): Promise<ProbeChild> {
    return this.exec([process.execPath, '--import', 'tsx', resolve(import.meta.dirname, 'probe-child.ts'), ...args])
  }

  /** Runs a command inside the client namespace (the benchmark's baseline tools). */
  client(args: readonly string[]): Promise<ProbeChild> {
    return this.exec(args)
  }

  async close(): Promise<void> {
    this.closeSync()
  }

  /** Synchronous teardown, so it also runs from an 'exit' handler. */
  closeSync(): void {
    if (this.closed) return
    this.closed = true
    process.removeListener('exit', this.onExit)
    process.removeListener('SIGINT', this.onSignal)
    process.removeListener('SIGTERM', this.onSignal)
    for (const child of this.servers) {
      if (child.exitCode === null && child.pid) {
        try {
          child.kill('SIGTERM')
        } catch {
          // already gone
        }
      }
    }
    for (const ns of Object.values(this.ns)) {
      // Whatever still runs in our namespaces was started by the lab (servers' own children).
      killAndDeleteNamespace(ns)
    }
    rmSync(`/etc/netns/${this.ns.client}`, { recursive: true, force: true })
    rmSync(this.dir, { recursive: true, force: true })
  }
}

/** SIGKILLs every process still in a lab namespace, then deletes the namespace. */
function killAndDeleteNamespace(ns: string): void {
  const pids = spawnSync('ip', ['netns', 'pids', ns], { encoding: 'utf8' }).stdout ?? ''
  for (const pid of pids.split('\n').map(Number).filter((p) => p > 0)) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  spawnSync('ip', ['netns', 'del', ns])
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return errorCode(error) === 'EPERM' // exists, owned by someone else
  }
}

/** Kills the servers of, and deletes, lab namespaces left by a lab process that died (SIGKILL). */
function removeOrphanedLabs(): void {
  const names = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' }).split('\n').map((l) => l.split(' ')[0] ?? '')
  for (const ns of names) {
    const owner = /^wclab-(\d+)-[crk]$/.exec(ns)?.[1]
    if (owner === undefined || alive(Number(owner))) continue
    killAndDeleteNamespace(ns)
    rmSync(`/etc/netns/${ns}`, { recursive: true, force: true })
  }
}

/** Namespaces this process's lab still holds (for the teardown test). */
export function leftoverNamespaces(prefix: string): string[] {
  const out = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' })
  return out.split('\n').map((l) => l.split(' ')[0] ?? '').filter((n) => n.startsWith(prefix))
}
