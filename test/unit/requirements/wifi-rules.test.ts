/**
 * Every Wi-Fi rule (WIFI-* and SITE-PHONE) on the cases of the compliance issue, with observations
 * from the real captures (see captures.ts for the file and BSS of each).
 */
import { describe, expect, it } from 'vitest'
import { judgeMeasurement, PROFILE } from '../../../src/shared/requirements'
import type { Finding, FindingResult, RequirementId, StoredRequirementId } from '../../../src/shared/model/finding'
import type { Observation } from '../../../src/shared/model/observation'
import type { ProbeRun } from '../../../src/shared/model/probe'
import { probeRun } from './probes'
import { findingSchema } from '../../../src/shared/model/finding'
import { booyaa, brix, brixOwe, brixSaeOnly, eduroam, iphoneNetsh, jc1, kabel5, obs, open, snazzle, sp155Ssid1, vodafoneHtOnly, wep, worldHtSelector } from './captures'

function judge(observations: readonly Observation[], targetSsid: string, phoneProbe: ProbeRun | null = null): Map<StoredRequirementId, Finding> {
  const findings = judgeMeasurement(PROFILE, { observations, targetSsid, billingMode: 'free', phoneProbe })
  return new Map(findings.map((f) => [f.requirement, f]))
}

const PROFILE_WITH_MARGIN = { ...PROFILE, parameters: { ...PROFILE.parameters, signal: { ...PROFILE.parameters.signal, laptopMarginDb: 3 } } }

type Expect = Partial<Record<RequirementId, FindingResult>>

interface Case {
  readonly name: string
  readonly observations: readonly Observation[]
  readonly target: string
  readonly expect: Expect
  /** Text that must appear in a finding's evidence (proves which BSS/value decided). */
  readonly evidence?: Partial<Record<RequirementId, string>>
  /** BSSIDs a finding must flag. */
  readonly flags?: Partial<Record<RequirementId, readonly string[]>>
  /** Text the remediation must contain. */
  readonly fix?: Partial<Record<RequirementId, string>>
}

const cases: readonly Case[] = [
  {
    name: 'compliant WPA2-PSK CCMP 20 MHz 2.4 GHz BSS (booyaa "world")',
    observations: [booyaa.world, booyaa.hello, booyaa.foo],
    target: 'world',
    expect: { 'WIFI-SEC': 'pass', 'WIFI-AUTH': 'pass', 'WIFI-BAND': 'pass', 'WIFI-WIDTH': 'pass', 'WIFI-PHY': 'pass', 'WIFI-RATE': 'pass', 'WIFI-SIGNAL': 'pass', 'WIFI-MIXED': 'pass', 'WIFI-HIDDEN': 'pass', 'WIFI-STEER': 'pass' },
    evidence: { 'WIFI-SIGNAL': '22:33:44:55:66:77 (2.4 GHz, ch 1): -42 dBm', 'WIFI-PHY': '802.11b/g/n' }
  },
  {
    name: 'WPA+WPA2 with TKIP and CCMP fails WIFI-SEC (booyaa "hello")',
    observations: [booyaa.hello],
    target: 'hello',
    expect: { 'WIFI-SEC': 'fail', 'WIFI-AUTH': 'pass', 'WIFI-SIGNAL': 'pass' },
    evidence: { 'WIFI-SEC': 'pairwise ciphers TKIP CCMP' },
    fix: { 'WIFI-SEC': 'Use WPA2-AES (CCMP) only; turn off TKIP' }
  },
  {
    name: 'WPA (v1) TKIP only fails WIFI-SEC (booyaa "bar"); -73 dBm warns',
    observations: [booyaa.bar],
    target: 'bar',
    expect: { 'WIFI-SEC': 'fail', 'WIFI-SIGNAL': 'warn' }
  },
  {
    name: '40 MHz on 2.4 GHz fails WIFI-WIDTH (booyaa "foo"); -75 dBm is still warn',
    observations: [booyaa.foo],
    target: 'foo',
    expect: { 'WIFI-WIDTH': 'fail', 'WIFI-SEC': 'pass', 'WIFI-SIGNAL': 'warn' },
    evidence: { 'WIFI-WIDTH': '40 MHz (secondary channel above)' },
    fix: { 'WIFI-WIDTH': 'Set the 2.4 GHz radio to 20 MHz channel width' }
  },
  {
    name: 'SSID on several BSSIDs: strongest 2.4 GHz decides signal, the 40 MHz one is flagged, 5 GHz steers (jc-airport-s "SnazzleDazzle")',
    observations: snazzle,
    target: 'SnazzleDazzle',
    expect: { 'WIFI-SIGNAL': 'pass', 'WIFI-WIDTH': 'fail', 'WIFI-STEER': 'warn', 'WIFI-BAND': 'pass', 'WIFI-SEC': 'pass' },
    evidence: { 'WIFI-SIGNAL': '42:37:86:15:aa:f7 (2.4 GHz, ch 3): -54 dBm' },
    flags: { 'WIFI-WIDTH': ['42:37:86:15:fd:b3'], 'WIFI-STEER': ['3c:37:86:15:fd:b5', '3c:37:86:15:aa:f9'], 'WIFI-SIGNAL': ['42:37:86:15:aa:f7'] }
  },
  {
    name: 'dual-band SSID: the 5 GHz BSS (-30 dBm) does not decide signal, only 2.4 GHz (-41) does (jc-iw-scan1 "UPCCDB29F5")',
    observations: [jc1.upc5, jc1.upc24],
    target: 'UPCCDB29F5',
    expect: { 'WIFI-SIGNAL': 'pass', 'WIFI-STEER': 'warn', 'WIFI-SEC': 'fail' },
    evidence: { 'WIFI-SIGNAL': 'ac:22:05:e6:ff:41 (2.4 GHz, ch 11): -41 dBm' },
    flags: { 'WIFI-SEC': ['ac:22:05:e6:ff:41'] }
  },
  {
    name: 'WPA3-SAE only passes security and is not transition mode (Brix, PSK removed)',
    observations: [brixSaeOnly],
    target: 'Brix',
    expect: { 'WIFI-SEC': 'pass', 'WIFI-AUTH': 'pass', 'WIFI-MIXED': 'pass', 'WIFI-PHY': 'pass' }
  },
  {
    name: 'PSK+SAE transition mode warns WIFI-MIXED (lkml "Brix")',
    observations: [brix],
    target: 'Brix',
    expect: { 'WIFI-MIXED': 'warn', 'WIFI-SEC': 'pass', 'WIFI-AUTH': 'pass', 'WIFI-SIGNAL': 'pass' },
    fix: { 'WIFI-MIXED': 'WPA2-Personal (AES) only' }
  },
  {
    name: 'PSK + raw suite 00-0f-ac:8 (SAE) is transition mode (jc-iw-scan1 "Nexus"); -83 dBm fails',
    observations: [jc1.nexus],
    target: 'Nexus',
    expect: { 'WIFI-MIXED': 'warn', 'WIFI-AUTH': 'pass', 'WIFI-SIGNAL': 'fail' },
    evidence: { 'WIFI-MIXED': 'authentication PSK SAE' }
  },
  {
    name: '802.1X (WPA2-Enterprise) fails WIFI-AUTH, not WIFI-SEC (netsh en-sp "eduroam")',
    observations: eduroam,
    target: 'eduroam',
    expect: { 'WIFI-AUTH': 'fail', 'WIFI-SEC': 'pass', 'WIFI-WIDTH': 'unknown', 'WIFI-STEER': 'warn', 'WIFI-PHY': 'pass' },
    flags: { 'WIFI-AUTH': ['f4:cf:e2:67:58:e1'] },
    evidence: { 'WIFI-SIGNAL': 'estimated from a percentage' }
  },
  {
    name: 'OWE (Enhanced Open) fails WIFI-SEC and WIFI-AUTH',
    observations: [brixOwe],
    target: 'Brix',
    expect: { 'WIFI-SEC': 'fail', 'WIFI-AUTH': 'fail' },
    evidence: { 'WIFI-SEC': 'OWE' }
  },
  {
    name: 'WEP fails WIFI-SEC and WIFI-AUTH (rockymeza WEP)',
    observations: [wep],
    target: 'WEP Network',
    expect: { 'WIFI-SEC': 'fail', 'WIFI-AUTH': 'fail', 'WIFI-SIGNAL': 'warn', 'WIFI-WIDTH': 'unknown' },
    fix: { 'WIFI-SEC': 'Replace WEP' }
  },
  {
    name: 'open network fails WIFI-SEC and WIFI-AUTH (rockymeza open)',
    observations: [open],
    target: 'My Wireless Network',
    expect: { 'WIFI-SEC': 'fail', 'WIFI-AUTH': 'fail', 'WIFI-SIGNAL': 'pass' },
    evidence: { 'WIFI-SEC': 'open (no security)' }
  },
  {
    name: 'open SSID on five BSSIDs: strongest -40 dBm decides signal (jc-iw-scan1 "Vodafone Hotspot")',
    observations: jc1.vodafone,
    target: 'Vodafone Hotspot',
    expect: { 'WIFI-SIGNAL': 'pass', 'WIFI-SEC': 'fail' },
    evidence: { 'WIFI-SIGNAL': 'ae:22:15:e6:ff:41 (2.4 GHz, ch 11): -40 dBm' },
    // Cast: these captures all report a BSSID.
    flags: { 'WIFI-SEC': jc1.vodafone.map((o) => o.bssid as string) }
  },
  {
    name: 'target hidden (NUL SSID) and not seen by name: WIFI-HIDDEN warns, signal unknown (jc-iw-scan1 fe:49:2d:20:d8:21)',
    observations: [jc1.hidden, booyaa.world],
    target: 'GarageNet',
    expect: { 'WIFI-HIDDEN': 'warn', 'WIFI-SIGNAL': 'unknown', 'WIFI-SEC': 'unknown' },
    flags: { 'WIFI-HIDDEN': ['fe:49:2d:20:d8:21'] }
  },
  {
    name: 'target marked hidden but named (connected hidden network) warns WIFI-HIDDEN',
    observations: [obs({ ...booyaa.world, hidden: true })],
    target: 'world',
    expect: { 'WIFI-HIDDEN': 'warn', 'WIFI-SEC': 'pass' }
  },
  {
    name: '5 GHz only fails WIFI-BAND and WIFI-SIGNAL; 2.4 GHz settings unknown (kubemate "WLAN-Kabel")',
    observations: [kabel5],
    target: 'WLAN-Kabel',
    expect: { 'WIFI-BAND': 'fail', 'WIFI-SIGNAL': 'fail', 'WIFI-WIDTH': 'unknown', 'WIFI-SEC': 'unknown', 'WIFI-STEER': 'warn' },
    fix: { 'WIFI-BAND': '2.4 GHz radio' }
  },
  {
    name: 'HT-only basic rate set fails WIFI-PHY (booyaa netsh Win 8.1 "Vodafone Hotspot": 6.5 16 19.5 117)',
    observations: vodafoneHtOnly,
    target: 'Vodafone Hotspot',
    expect: { 'WIFI-PHY': 'fail', 'WIFI-RATE': 'pass' },
    evidence: { 'WIFI-PHY': 'contain no 802.11b/g rate' }
  },
  {
    name: 'HT PHY membership selector in the basic rates fails WIFI-PHY (booyaa "world" as n-only)',
    observations: [worldHtSelector],
    target: 'world',
    expect: { 'WIFI-PHY': 'fail', 'WIFI-SEC': 'pass' },
    evidence: { 'WIFI-PHY': 'require HT (802.11n) (BSS membership selector)' },
    fix: { 'WIFI-PHY': '802.11b/g/n mixed' }
  },
  {
    name: 'netsh shows no channel width: WIFI-WIDTH unknown, never pass (netsh en-sp "iPhone")',
    observations: [iphoneNetsh],
    target: 'iPhone',
    expect: { 'WIFI-WIDTH': 'unknown', 'WIFI-SEC': 'pass', 'WIFI-PHY': 'pass', 'WIFI-RATE': 'pass', 'WIFI-SIGNAL': 'warn' },
    fix: { 'WIFI-WIDTH': 'check the 2.4 GHz radio\'s channel width is 20 MHz' }
  },
  {
    name: 'system_profiler shows no cipher and no signal: WIFI-SEC and WIFI-SIGNAL unknown (macOS 15.5 "SSID-1")',
    observations: [sp155Ssid1],
    target: 'SSID-1',
    expect: { 'WIFI-SEC': 'unknown', 'WIFI-SIGNAL': 'unknown', 'WIFI-WIDTH': 'pass', 'WIFI-PHY': 'pass', 'WIFI-RATE': 'unknown', 'WIFI-AUTH': 'pass' },
    fix: { 'WIFI-SEC': 'AES (CCMP) only' }
  },
  {
    name: 'target not seen at all: WIFI-SIGNAL fails, the rest unknown, a near-miss name is pointed out',
    observations: [booyaa.world, booyaa.hello],
    target: 'World',
    expect: { 'WIFI-SIGNAL': 'fail', 'WIFI-SEC': 'unknown', 'WIFI-BAND': 'unknown', 'WIFI-WIDTH': 'unknown', 'WIFI-HIDDEN': 'unknown', 'WIFI-STEER': 'unknown' },
    evidence: { 'WIFI-SIGNAL': 'similar name seen: "world"' }
  }
]

describe('Wi-Fi rules on real captures', () => {
  it.each(cases)('$name', (c) => {
    const found = judge(c.observations, c.target)
    for (const [id, result] of Object.entries(c.expect)) {
      // Cast: the case table is keyed by requirement IDs written by hand (so are the three below).
      expect({ id, result: found.get(id as RequirementId)?.result }).toEqual({ id, result })
    }
    // Casts: keys of the hand-written case table are requirement IDs.
    for (const [id, text] of Object.entries(c.evidence ?? {})) expect(found.get(id as RequirementId)?.evidence).toContain(text)
    // Casts: keys of the hand-written case table are requirement IDs.
    for (const [id, text] of Object.entries(c.fix ?? {})) expect(found.get(id as RequirementId)?.remediation).toContain(text)
    // Casts: keys of the hand-written case table are requirement IDs.
    for (const [id, bssids] of Object.entries(c.flags ?? {})) expect([...(found.get(id as RequirementId)?.bssids ?? [])].sort()).toEqual([...bssids].sort())
  })

  it.each(cases)('every finding is well-formed, names its ID, and only passes have no remediation ($name)', (c) => {
    const findings = judgeMeasurement(PROFILE, { observations: c.observations, targetSsid: c.target, billingMode: 'billed' })
    // WIFI-STABLE is judged only where the stall was watched, WC-* only where a charger was read (neither here).
    expect(findings.map((f) => f.requirement)).toEqual(PROFILE.requirements.filter((r) => r.scope === 'every measurement').map((r) => r.id))
    for (const f of findings) {
      expect(findingSchema.safeParse(f).success).toBe(true)
      expect(f.explanation.length).toBeGreaterThan(0)
      if (f.result === 'pass') expect(f.remediation).toBe('')
      else expect(f.remediation.length).toBeGreaterThan(10)
    }
  })

  it('a duplicate BSS across scans is judged once, with the median signal', () => {
    const scans = [-60, -70, -64].map((s) => obs({ ...booyaa.world, signalDbm: s }))
    const f = judge(scans, 'world').get('WIFI-SIGNAL')
    expect(f?.evidence).toContain('-64 dBm')
    expect(f?.evidence).not.toContain('others:')
  })

  it('laptop margin is subtracted before the thresholds', () => {
    const base = judgeMeasurement(PROFILE, { observations: [booyaa.hello], targetSsid: 'hello', billingMode: 'free' })
    expect(base.find((f) => f.requirement === 'WIFI-SIGNAL')?.result).toBe('pass')
    const withMargin = judgeMeasurement(PROFILE_WITH_MARGIN, { observations: [booyaa.hello], targetSsid: 'hello', billingMode: 'free' })
    const s = withMargin.find((f) => f.requirement === 'WIFI-SIGNAL')
    expect(s?.result).toBe('warn')
    expect(s?.evidence).toContain('-70 dBm at the charger after the 3 dB laptop margin')
  })
})


describe('SITE-PHONE', () => {
  const phone = (fields: Partial<Observation>): Observation =>
    obs({ ...open, ssid: 'Tesla-Charging-Access', bssid: '38:83:45:cc:58:75', ...fields })

  // Cast: gives the hand-written literals (`result: 'warn'`) their union types for the table.
  it.each([
    { name: 'not seen → warn (needed only without cellular signal)', obs: [booyaa.world], result: 'warn', text: 'not seen here' },
    { name: 'open, 2.4 GHz, -51 dBm, internet checked while connected → pass', obs: [booyaa.world, phone({})], probe: probeRun({}, 'Tesla-Charging-Access'), result: 'pass', text: 'open; 2.4 GHz; strongest -51 dBm; internet check while connected passed' },
    { name: 'open but internet not checked → warn with what to do', obs: [booyaa.world, phone({})], result: 'warn', text: 'internet access not checked while connected' },
    { name: 'open but no internet while connected → warn', obs: [booyaa.world, phone({})], probe: probeRun({ 'dns pool.ntp.org': 'timeout' }, 'Tesla-Charging-Access'), result: 'warn', text: 'internet check while connected failed (DNS pool.ntp.org: timeout)' },
    { name: 'secured → warn', obs: [booyaa.world, phone({ security: booyaa.world.security })], result: 'warn', text: 'secured (WPA2)' },
    { name: 'weak (-80 dBm) → warn', obs: [booyaa.world, phone({ signalDbm: -80 })], result: 'warn', text: '-80 dBm' },
    { name: 'security not reported → unknown', obs: [booyaa.world, phone({ security: { ...sp155Ssid1.security, protocols: null } })], result: 'unknown', text: 'security not reported' }
  ] as { name: string; obs: Observation[]; probe?: ProbeRun; result: FindingResult; text: string }[])('$name', ({ obs: observations, probe, result, text }) => {
    const f = judge(observations, 'world', probe ?? null).get('SITE-PHONE')
    expect(f?.result).toBe(result)
    expect(f?.evidence).toContain(text)
  })

  it('an open Tesla-Charging-Access never counts toward WIFI-SEC of the target', () => {
    const found = judge([booyaa.world, phone({ signalDbm: -30 })], 'world')
    expect(found.get('WIFI-SEC')?.result).toBe('pass')
    expect(found.get('WIFI-SEC')?.bssids).toEqual(['22:33:44:55:66:77'])
    expect(found.get('SITE-PHONE')?.explanation).toContain('never counts toward WIFI-SEC')
  })
})
