/** One headline when nothing got through (issue 16 item 4), by what the network context says. */
import { describe, expect, it } from 'vitest'
import type { ProbeContext, ProbeResult } from '../../../src/shared/model/probe'
import { nothingReached } from '../../../src/shared/model/probe-views'

const result = (protocol: ProbeResult['protocol'], outcome: ProbeResult['outcome'], kind: ProbeResult['kind'] = outcome === 'fail' ? 'unreachable' : null): ProbeResult => ({
  requirement: protocol === 'dns' ? 'NET-DNS' : protocol === 'ntp' ? 'NET-NTP' : protocol === 'http' ? 'NET-HTTP' : 'NET-TLS',
  host: 'pool.ntp.org',
  protocol,
  port: { dns: 53, ntp: 123, http: 80, tls: 443 }[protocol],
  outcome,
  kind,
  latencyMs: null,
  detail: '',
  rule: '',
  wildcard: null
})
const context = (patch: Partial<ProbeContext>): ProbeContext => ({
  interface: 'wlan0',
  ssid: 'HarbourPoint-EV',
  localIp: '10.40.0.23',
  gateway: '10.40.0.1',
  dnsServers: ['10.40.0.1'],
  wired: false,
  warnings: [],
  ...patch
})
const allFailed = [result('dns', 'fail'), result('ntp', 'fail'), result('http', 'fail'), result('tls', 'fail')]

describe('nothingReached', () => {
  it('is null when one check passed, when none failed (cancelled before any ended), or with no results', () => {
    expect(nothingReached([...allFailed, result('dns', 'pass')], context({}), 'HarbourPoint-EV')).toBeNull()
    expect(nothingReached([result('tls', 'not-run')], context({}), 'HarbourPoint-EV')).toBeNull()
    expect(nothingReached([], context({}), 'HarbourPoint-EV')).toBeNull()
  })

  it('counts checks that could not run (HTTP to a name DNS did not resolve) as not got through', () => {
    expect(nothingReached([...allFailed, result('tls', 'not-run')], context({}), 'HarbourPoint-EV')?.title).toBe('Nothing could be reached: none of the 5 checks got through')
  })

  it('offline: no address, join the network', () => {
    expect(nothingReached(allFailed, context({ localIp: null, gateway: null, interface: null }), 'HarbourPoint-EV')).toEqual({
      title: 'Nothing could be reached: none of the 4 checks got through',
      advice: 'This computer has no network connection (no IPv4 address). Join "HarbourPoint-EV", wait until it has an address, then run the check again.'
    })
  })

  it('an address but no default route', () => {
    expect(nothingReached(allFailed, context({ gateway: null }), '')?.advice).toBe(
      "This computer has an address (10.40.0.23) but no route out of the local network. Join the chargers' Wi-Fi network (a network with internet access), then run the check again."
    )
  })

  it('no DNS server, or DNS failing for every host', () => {
    expect(nothingReached(allFailed, context({ dnsServers: [] }), 'HarbourPoint-EV')?.advice).toMatch(/^No DNS server is configured/)
    expect(nothingReached(allFailed, context({}), 'HarbourPoint-EV')?.advice).toMatch(/^No name could be looked up \(DNS through 10\.40\.0\.1 failed for every host\)/)
  })

  it('DNS not in the run and everything else blocked: the firewall blocks everything', () => {
    expect(nothingReached([result('tls', 'fail', 'timeout')], context({}), 'HarbourPoint-EV')?.advice).toMatch(/gateway 10\.40\.0\.1.*give IT the handout/)
  })
})
