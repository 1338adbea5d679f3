/**
 * The IT handout's formats. The nftables ruleset is checked by nft itself (`nft -c -f`, a dry run
 * in a transaction that is never committed) and the dnsmasq lines by `dnsmasq --test`; a broken
 * file proves each checker can fail. Expected ports, domains and lines are written by hand from
 * the requirement document (NET-DNS, NET-NTP, NET-HTTP, NET-TLS, NET-DOMAINS).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { surveySchema } from '../../../src/shared/model/survey'
import { buildAllowlist } from '../../../src/shared/requirements/allowlist'
import { renderHandout } from '../../../src/shared/handout/formats'
import { toNftables } from '../../../src/shared/handout/nftables'
import { interfaceNameProblem } from '../../../src/shared/handout/names'
import { parseRulesArgs } from '../../../src/cli/commands/rules'
import { skipFor } from '../../support/requires'

const REPORT_SAMPLE = join(import.meta.dirname, '../../fixtures/report/report-sample.wcsurvey')
const sample = surveySchema.parse(JSON.parse(readFileSync(REPORT_SAMPLE, 'utf8')))
const nft = { chargersInterface: 'br-chargers' }
const dir = mkdtempSync(join(tmpdir(), 'wc-handout-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const found = (bin: string): boolean => ['/usr/sbin', '/usr/bin', '/sbin'].some((d) => existsSync(join(d, bin)))
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
// `nft -c` asks the kernel (netlink) to validate the transaction: it needs CAP_NET_ADMIN.
const skipNft = skipFor('unit', !found('nft') ? 'nft -c needs the nftables package' : !isRoot ? 'nft -c needs root (CAP_NET_ADMIN) to validate against the kernel' : null)
const skipDnsmasq = skipFor('unit', found('dnsmasq') ? null : 'dnsmasq --test needs the dnsmasq package')

/** Runs `bin args… FILE` (or `args…=FILE` when the last argument ends in '='). */
function check(bin: string, args: readonly string[], text: string, name: string): { code: number | null; out: string } {
  const file = join(dir, name)
  writeFileSync(file, text)
  const last = args.at(-1) ?? ''
  const argv = last.endsWith('=') ? [...args.slice(0, -1), `${last}${file}`] : [...args, file]
  const r = spawnSync(bin, argv, { encoding: 'utf8' })
  return { code: r.status, out: `${r.stdout}${r.stderr}` }
}

/** Every port and every domain of NET-DNS, NET-NTP, NET-HTTP, NET-TLS and NET-DOMAINS, by hand. */
const PORTS = ['udp dport 53', 'udp dport 123', 'tcp dport 80', 'tcp dport 443']
const DOMAINS = [
  '*.sn.tesla.services',
  'h3-hermes-prd.sn.tesla.services',
  'h3-hermes-stream-prd.sn.tesla.services',
  'wc-maestro-prd.sn.tesla.services',
  'maestro-prd.sn.tesla.services',
  'am-i-online-prd.sn.tesla.services',
  'hermes-prd.sn.tesla.services',
  'pool.ntp.org',
  'time.nist.gov',
  '*.s3.amazonaws.com'
]

describe('nftables', () => {
  const ruleset = toNftables(buildAllowlist(null), nft)

  it.skipIf(skipNft)('passes `nft -c -f`, with and without a survey; a broken copy does not', () => {
    expect(check('nft', ['-c', '-f'], ruleset, 'plain.nft')).toEqual({ code: 0, out: '' })
    expect(check('nft', ['-c', '-f'], toNftables(buildAllowlist(sample), { chargersInterface: 'wlan1.20' }), 'sample.nft')).toEqual({ code: 0, out: '' })
    const broken = check('nft', ['-c', '-f'], ruleset.replace('@pool_ntp_org_v4', '@pool_ntp_org_v9'), 'broken.nft')
    expect(broken.code).not.toBe(0)
    expect(broken.out).toContain('pool_ntp_org_v9')
  })

  it.skipIf(skipNft)('`wc-survey rules --format nftables` (the CLI from source) passes `nft -c -f`', () => {
    const cli = join(import.meta.dirname, '../../../src/cli/index.ts')
    const out = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `const { main } = await import(${JSON.stringify(cli)}); process.exitCode = await main(['rules', '--format', 'nftables'])`], { encoding: 'utf8' })
    expect(out.status, out.stderr).toBe(0)
    expect(out.stdout).toBe(ruleset)
    expect(check('nft', ['-c', '-f'], out.stdout, 'cli.nft')).toEqual({ code: 0, out: '' })
  })

  it('names every port and every domain of NET-DOMAINS', () => {
    for (const port of PORTS) expect(ruleset).toContain(port)
    for (const domain of DOMAINS) expect(ruleset).toContain(domain)
  })

  it('is default-deny for the chargers\' interface only, with one v4 and one v6 set per destination', () => {
    expect(ruleset).toContain('define CHARGERS_IF = "br-chargers"')
    expect(ruleset).toContain('iifname $CHARGERS_IF jump chargers_out')
    expect(ruleset).toMatch(/chain chargers_out \{[^}]*counter drop comment "default deny/)
    expect(ruleset).toContain('type filter hook forward priority filter; policy accept;')
    expect(ruleset.match(/^\tset \w+ \{ type ipv[46]_addr; \}$/gm)).toEqual([
      '\tset pool_ntp_org_v4 { type ipv4_addr; }',
      '\tset pool_ntp_org_v6 { type ipv6_addr; }',
      '\tset time_nist_gov_v4 { type ipv4_addr; }',
      '\tset time_nist_gov_v6 { type ipv6_addr; }',
      '\tset sn_tesla_services_v4 { type ipv4_addr; }',
      '\tset sn_tesla_services_v6 { type ipv6_addr; }',
      '\tset s3_amazonaws_com_v4 { type ipv4_addr; }',
      '\tset s3_amazonaws_com_v6 { type ipv6_addr; }'
    ])
    expect(ruleset).toContain('ip daddr @sn_tesla_services_v4 tcp dport 443 accept')
    expect(ruleset).toContain('ip daddr @pool_ntp_org_v4 udp dport 123 accept')
    // Nothing opens port 22, to anyone.
    expect(ruleset).not.toMatch(/dport 22\b/)
  })

  it('with a survey, marks what it saw fail', () => {
    const text = toNftables(buildAllowlist(sample), nft)
    expect(text).toContain('# The survey saw these fail (marked FAILED below):')
    expect(text).toContain('#   UDP 123 to pool.ntp.org (NET-NTP, NET-DOMAINS)')
    expect(text).toContain('#   TCP 443 to *.s3.amazonaws.com (NET-TLS, NET-DOMAINS)')
    expect(text).toContain('# NET-TLS, NET-DOMAINS: TCP 443 to *.s3.amazonaws.com FAILED in this survey')
    expect(text).not.toContain('Harbour Point')
  })

  it('refuses an interface name that could break out of the nft string', () => {
    expect(interfaceNameProblem('br-chargers')).toBeNull()
    expect(interfaceNameProblem('wlan1.20')).toBeNull()
    for (const bad of ['', 'br0"; flush ruleset; #', 'a'.repeat(16), 'br 0', 'eth0\n']) expect(interfaceNameProblem(bad)).not.toBeNull()
    expect(() => toNftables(buildAllowlist(null), { chargersInterface: 'x" accept' })).toThrow(/not an interface name/)
  })
})

describe('dnsmasq', () => {
  const lines = renderHandout(buildAllowlist(null), 'dnsmasq', nft)

  it('one nftset line per destination, the wildcard as its zone, IPv4 and IPv6 sets of the nftables table', () => {
    expect(lines.split('\n').filter((l) => l.startsWith('nftset='))).toEqual([
      'nftset=/pool.ntp.org/4#inet#wc_chargers#pool_ntp_org_v4,6#inet#wc_chargers#pool_ntp_org_v6',
      'nftset=/time.nist.gov/4#inet#wc_chargers#time_nist_gov_v4,6#inet#wc_chargers#time_nist_gov_v6',
      'nftset=/sn.tesla.services/4#inet#wc_chargers#sn_tesla_services_v4,6#inet#wc_chargers#sn_tesla_services_v6',
      'nftset=/s3.amazonaws.com/4#inet#wc_chargers#s3_amazonaws_com_v4,6#inet#wc_chargers#s3_amazonaws_com_v6'
    ])
  })

  it.skipIf(skipDnsmasq)('passes `dnsmasq --test`; a misspelt option does not', () => {
    const ok = check('dnsmasq', ['--test', '--conf-file='], lines, 'ok.conf')
    expect(ok.code, ok.out).toBe(0)
    expect(ok.out).toContain('syntax check OK')
    expect(check('dnsmasq', ['--test', '--conf-file='], lines.replace('nftset=', 'nftsett='), 'bad.conf').code).not.toBe(0)
  })
})

describe('table, CSV and JSON', () => {
  it('table: with a survey, the failed rules, what failed, then the whole list as an appendix', () => {
    const text = renderHandout(buildAllowlist(sample), 'table', nft)
    const add = text.indexOf('Rules to add (the survey saw them fail):')
    const appendix = text.indexOf('Appendix: the whole allowlist')
    expect(add).toBeGreaterThan(-1)
    expect(appendix).toBeGreaterThan(add)
    const toAdd = text.slice(add, text.indexOf('What failed:'))
    expect(toAdd).toMatch(/NTP\s+UDP 123\s+pool\.ntp\.org\s+NET-NTP, NET-DOMAINS\s+FAILED/)
    expect(toAdd).toMatch(/TLS\s+TCP 443\s+\*\.s3\.amazonaws\.com\s+NET-TLS, NET-DOMAINS\s+FAILED/)
    expect(toAdd).not.toContain('*.sn.tesla.services')
    expect(text).toContain('NTP time.nist.gov: timeout (seen at Level P3 – stall 2) — allow UDP 123 to time.nist.gov')
    expect(text).toContain('Tesla-Charging-Access')
    expect(text).toContain('Wildcards (*.sn.tesla.services, *.s3.amazonaws.com)')
  })

  it('CSV: RFC 4180 with a header; "to add" rows lead, the whole list follows as "appendix"', () => {
    const rows = renderHandout(buildAllowlist(sample), 'csv', nft).split('\r\n')
    expect(rows[0]).toBe('section,protocol,transport,port,destination,destination_kind,requirements,survey,covers,note')
    expect(rows[1]).toBe('to add,ntp,udp,123,pool.ntp.org,name,NET-NTP NET-DOMAINS,fail,pool.ntp.org,')
    expect(rows.filter((r) => r.startsWith('to add,'))).toHaveLength(3)
    expect(rows.filter((r) => r.startsWith('appendix,'))).toHaveLength(7)
    expect(rows.at(-1)).toBe('')
    const plain = renderHandout(buildAllowlist(null), 'csv', nft).split('\r\n')
    expect(plain[1]).toBe("allowlist,dns,udp,53,any,any,NET-DNS,not-probed,h3-hermes-prd.sn.tesla.services h3-hermes-stream-prd.sn.tesla.services wc-maestro-prd.sn.tesla.services maestro-prd.sn.tesla.services am-i-online-prd.sn.tesla.services hermes-prd.sn.tesla.services pool.ntp.org time.nist.gov s3.amazonaws.com,to the resolver the chargers' DHCP hands out; for name-based rules that resolver must be the one that fills the address sets")
  })

  it('JSON: toAdd and the whole allowlist, with the drivers\' network', () => {
    // Cast: the handout's JSON; the fields read are asserted below.
    const doc = JSON.parse(renderHandout(buildAllowlist(sample), 'json', nft)) as { toAdd: { key: string }[]; allowlist: unknown[]; driversNetwork: { what: string }[]; site: string }
    expect(doc.toAdd.map((r) => r.key)).toEqual(['ntp:pool.ntp.org', 'ntp:time.nist.gov', 'tls:*.s3.amazonaws.com'])
    expect(doc.allowlist).toHaveLength(7)
    expect(doc.site).toBe('Harbour Point Garage')
    expect(doc.driversNetwork.map((n) => n.what)).toEqual(['Name exactly Tesla-Charging-Access', 'Open (no password)', 'Internet access', "Kept apart from the chargers' network"])
  })
})

describe('wc-survey rules arguments', () => {
  it('defaults, every format, and clear errors', () => {
    expect(parseRulesArgs([])).toEqual({ format: 'table', survey: null, chargersInterface: 'br-chargers' })
    expect(parseRulesArgs(['--format', 'nftables', '--survey', 'a.wcsurvey', '--interface', 'lan2'])).toEqual({ format: 'nftables', survey: 'a.wcsurvey', chargersInterface: 'lan2' })
    expect(parseRulesArgs(['--help'])).toBe('help')
    expect(parseRulesArgs(['--format', 'pf'])).toBe('--format must be one of table, csv, json, nftables, dnsmasq (got pf).')
    expect(parseRulesArgs(['--interface', 'br0;x'])).toMatch(/^--interface: .*not an interface name/)
    expect(parseRulesArgs(['--bogus'])).toMatch(/bogus/)
  })
})
