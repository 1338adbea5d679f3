/**
 * The Wi-Fi rules: judge the target SSID at one location from the BSSes of one snapshot.
 *
 * The charger joins any 2.4 GHz BSS of its SSID, so every such BSS is judged and the worst one
 * decides (a non-compliant access point is flagged even when a good one is stronger); signal is
 * the exception: the strongest 2.4 GHz BSS decides WIFI-SIGNAL. Unknown data is never a pass: the
 * finding says `unknown` and how to check on the access point.
 */
import type { Finding, FindingResult, RequirementId } from '../model/finding'
import { scanSourceForDisplay } from '../model/observation'
import type { ProbeRun } from '../model/probe'
import { akmKinds, bssidsOf, describeBss, normalizeCipher, type Bss } from './bss'
import { dbm, finding, joinEvidence, signalLevelResult, worst } from './finding-kit'
import { nearMisses } from './near-miss'
import { chargerCandidates, decidingSignal, signalPool } from './target-signal'
import type { ProfileParameters } from './profile'

/** What the rules know about the target network at this location. */
export interface WifiContext {
  readonly targetSsid: string
  /** Every BSS of the snapshot. */
  readonly all: readonly Bss[]
  /** BSSes broadcasting the target SSID (any band). */
  readonly target: readonly Bss[]
  /** Target BSSes the charger can join: 2.4 GHz, plus those whose band the scanner did not report. */
  readonly candidates: readonly Bss[]
  readonly params: ProfileParameters
}

/** Builds the context: which BSSes belong to the target SSID and which of them the charger can join. */
export function wifiContext(all: readonly Bss[], targetSsid: string, params: ProfileParameters): WifiContext {
  const target = all.filter((b) => b.ssid !== null && b.ssid === targetSsid)
  const candidates = chargerCandidates(all, targetSsid)
  return { targetSsid, all, target, candidates, params }
}

/** One BSS's verdict on a rule, before the worst of them is taken. */
interface Judged {
  readonly bss: Bss
  readonly result: FindingResult
  /** The value seen, for the evidence. */
  readonly seen: string
  /** Key of the remediation to give (the rule's table). */
  readonly fix: string
}

/** Why nothing can be judged when the target is not among the candidates; null when it is. */
function absence(ctx: WifiContext): { result: FindingResult; evidence: string; explanation: string; remediation: string; step: boolean } | null {
  if (ctx.candidates.length > 0) return null
  const name = `"${ctx.targetSsid}"`
  if (ctx.target.length > 0) {
    const bands = [...new Set(ctx.target.map((b) => `${b.band} GHz`))].join(' and ')
    return {
      result: 'unknown',
      evidence: `${name} seen only on ${bands}: ${ctx.target.map(describeBss).join(', ')}`,
      explanation: 'The charger only joins 2.4 GHz; with no 2.4 GHz BSS of this network here, its 2.4 GHz settings cannot be seen.',
      remediation: `Enable ${name} on the access point's 2.4 GHz radio, then measure again.`,
      // A change on the access point, not only a survey step.
      step: false
    }
  }
  const hints = notSeenHints(ctx)
  return {
    result: 'unknown',
    evidence: joinEvidence([`${name} was not seen in this scan`, ...hints]),
    explanation: 'The target network was not heard at this location, so its settings cannot be judged here.',
    remediation: `Check the target network name in the survey (exact spelling, case), that its access point is on, and measure again; if ${name} is hidden, see WIFI-HIDDEN.`,
    step: true
  }
}

/** Clues when the target is missing: near-miss names, hidden BSSes, names withheld by the OS. */
function notSeenHints(ctx: WifiContext): string[] {
  const hints: string[] = []
  const near = nearMisses(ctx.targetSsid, ctx.all.map((b) => b.ssid))
  if (near.length > 0) hints.push(`similar name seen: ${near.map((n) => `"${n}"`).join(', ')} (names are exact, case and spaces count)`)
  const hidden = ctx.all.filter((b) => b.hidden)
  if (hidden.length > 0) hints.push(`${hidden.length} hidden BSS seen: ${hidden.map(describeBss).join(', ')}`)
  const redacted = ctx.all.filter((b) => b.redacted)
  if (redacted.length > 0) hints.push(`${redacted.length} network names withheld by the OS (macOS: allow Location Services for the app)`)
  return hints
}

/** Combines per-BSS judgements into one finding: the worst BSS decides, every BSS is in the evidence. */
function combine(
  id: RequirementId,
  judged: readonly Judged[],
  explain: (result: FindingResult, bad: readonly Judged[]) => string,
  fixes: Readonly<Record<string, string>>
): Finding {
  const result = worst(judged.map((j) => j.result))
  const bad = judged.filter((j) => j.result === result)
  const evidence = judged.map((j) => `${describeBss(j.bss)}: ${j.seen}`).join('; ')
  const remediation = [...new Set(bad.map((j) => fixes[j.fix] ?? ''))].filter((f) => f.length > 0).join(' ')
  const flagged = result === 'pass' ? judged.map((j) => j.bss) : bad.map((j) => j.bss)
  return finding(id, result, evidence, bssidsOf(flagged), explain(result, bad), remediation)
}

function fromAbsence(id: RequirementId, ctx: WifiContext): Finding | null {
  const a = absence(ctx)
  return a === null ? null : finding(id, a.result, a.evidence, [], a.explanation, a.remediation, a.step)
}

function list(values: readonly string[] | null): string {
  return values === null ? 'not reported' : values.length === 0 ? 'none' : values.join(' ')
}

const VERIFY_SECURITY =
  'Open the access point\'s wireless security settings for this SSID and confirm WPA2-Personal (or WPA3-Personal) with AES (CCMP) only; on Linux, `iw dev <wlan> scan` shows the ciphers.'

/** WIFI-SEC: WPA2 or WPA3 with CCMP; no open, WEP, OWE, WPA-only or TKIP. */
export function ruleSecurity(ctx: WifiContext): Finding {
  const none = fromAbsence('WIFI-SEC', ctx)
  if (none) return none
  const judged = ctx.candidates.map((bss): Judged => {
    const { protocols, akm, pairwiseCiphers, groupCipher } = bss.security
    const ciphers = pairwiseCiphers === null ? null : pairwiseCiphers.map(normalizeCipher)
    const group = groupCipher === null ? null : normalizeCipher(groupCipher)
    const seen = `protocols ${list(protocols)}, pairwise ciphers ${list(ciphers)}${group === null ? '' : `, group cipher ${group}`}`
    if (akm !== null && akmKinds(akm).owe) return { bss, result: 'fail', seen: `${seen}, AKM OWE (Enhanced Open)`, fix: 'owe' }
    if (protocols !== null && (protocols.length === 0 || protocols.includes('OPEN'))) return { bss, result: 'fail', seen: 'open (no security)', fix: 'open' }
    if ((protocols ?? []).includes('WEP') || (ciphers ?? []).some((c) => c.startsWith('WEP'))) return { bss, result: 'fail', seen, fix: 'wep' }
    const tkip = (ciphers ?? []).includes('TKIP') || group === 'TKIP'
    if (tkip) return { bss, result: 'fail', seen, fix: 'tkip' }
    if (protocols === null) return { bss, result: 'unknown', seen, fix: 'verify' }
    if (!protocols.includes('WPA2') && !protocols.includes('WPA3')) return { bss, result: 'fail', seen, fix: 'wpa1' }
    if (ciphers === null) return { bss, result: 'unknown', seen, fix: 'verify' }
    if (!ciphers.includes('CCMP')) return { bss, result: 'fail', seen, fix: 'ccmp' }
    if (protocols.includes('WPA')) return { bss, result: 'warn', seen, fix: 'wpa1-too' }
    return { bss, result: 'pass', seen, fix: '' }
  })
  return combine(
    'WIFI-SEC',
    judged,
    (result, bad) => {
      if (result === 'pass') return 'WPA2/WPA3 with AES (CCMP) only: supported by the charger.'
      if (result === 'unknown') return 'The scanner on this platform does not show the protocol or cipher, so WPA2/WPA3 with AES cannot be confirmed.'
      if (result === 'warn') return 'WPA (version 1) is enabled next to WPA2; the charger uses WPA2-AES, but the legacy mode invites TKIP.'
      const fix = bad[0]?.fix
      if (fix === 'tkip') return 'TKIP is offered; the FAQ says WPA2-TKIP is not supported, and a charger may negotiate it.'
      if (fix === 'open') return 'The network is open (no password); the charger needs WPA2 or WPA3.'
      if (fix === 'wep') return 'WEP is not supported by the charger.'
      if (fix === 'owe') return 'OWE (Enhanced Open) encrypts without a password; it is not WPA2/WPA3-Personal.'
      if (fix === 'wpa1') return 'Only WPA (version 1) is offered; the charger needs WPA2 or WPA3.'
      return 'No AES (CCMP) pairwise cipher is offered; the charger needs AES.'
    },
    {
      tkip: 'Use WPA2-AES (CCMP) only; turn off TKIP (and "WPA/WPA2 mixed" mode).',
      open: 'Secure the network with WPA2-Personal, AES (CCMP).',
      wep: 'Replace WEP with WPA2-Personal, AES (CCMP).',
      owe: 'Use WPA2-Personal with AES (CCMP) and a pre-shared key instead of OWE / Enhanced Open.',
      wpa1: 'Switch the security mode to WPA2-Personal with AES (CCMP).',
      ccmp: 'Set the encryption to AES (CCMP).',
      'wpa1-too': 'Set the security mode to WPA2-Personal only (turn off WPA/WPA2 mixed mode).',
      verify: VERIFY_SECURITY
    }
  )
}

/** WIFI-AUTH: personal (PSK or SAE), not enterprise 802.1X, not open or OWE. */
export function ruleAuthentication(ctx: WifiContext): Finding {
  const none = fromAbsence('WIFI-AUTH', ctx)
  if (none) return none
  const judged = ctx.candidates.map((bss): Judged => {
    const { protocols, akm } = bss.security
    if (akm === null || akm.length === 0) {
      if (protocols !== null && (protocols.length === 0 || protocols.includes('OPEN'))) return { bss, result: 'fail', seen: 'open, no authentication', fix: 'open' }
      if (protocols !== null && protocols.includes('WEP')) return { bss, result: 'fail', seen: 'WEP shared key', fix: 'open' }
      return { bss, result: 'unknown', seen: 'authentication suites not reported', fix: 'verify' }
    }
    const k = akmKinds(akm)
    const seen = `authentication ${k.names.join(' ')}`
    if (k.owe && !k.personalPsk && !k.personalSae) return { bss, result: 'fail', seen, fix: 'open' }
    if (k.enterprise && !k.personalPsk && !k.personalSae) return { bss, result: 'fail', seen, fix: 'enterprise' }
    if (k.enterprise) return { bss, result: 'warn', seen, fix: 'mixed-enterprise' }
    if (k.personalPsk || k.personalSae) return { bss, result: 'pass', seen, fix: '' }
    return { bss, result: 'unknown', seen, fix: 'verify' }
  })
  return combine(
    'WIFI-AUTH',
    judged,
    (result, bad) => {
      if (result === 'pass') return 'Personal authentication (pre-shared key / SAE): supported by the charger.'
      if (result === 'unknown') return 'The scanner does not show the authentication suite, so WPA2/WPA3-Personal cannot be confirmed.'
      if (result === 'warn') return 'The BSS offers 802.1X next to a personal key; the charger can only use the key.'
      return bad[0]?.fix === 'enterprise'
        ? 'Enterprise authentication (802.1X / EAP, certificates or Active Directory) is not supported by the charger.'
        : 'The network has no personal authentication (pre-shared key or SAE), which the charger needs.'
    },
    {
      enterprise: 'Create a separate WPA2-Personal SSID (pre-shared key, AES) for the chargers; 802.1X cannot be used.',
      'mixed-enterprise': 'Prefer a dedicated WPA2-Personal SSID for the chargers.',
      open: 'Secure the chargers\' network with WPA2-Personal (a pre-shared key), AES (CCMP).',
      verify: 'On the access point, check the SSID\'s security mode reads WPA2-Personal / WPA3-Personal (PSK or SAE), not Enterprise / 802.1X / RADIUS.'
    }
  )
}

/** WIFI-BAND: at least one BSS of the SSID on 2.4 GHz. */
export function ruleBand(ctx: WifiContext): Finding {
  const name = `"${ctx.targetSsid}"`
  // Cast: fromAbsence returns null only when some BSS of the target was heard; none was.
  if (ctx.target.length === 0) return fromAbsence('WIFI-BAND', ctx) as Finding
  const on24 = ctx.target.filter((b) => b.band === '2.4')
  const unknown = ctx.target.filter((b) => b.band === null)
  const evidence = ctx.target.map((b) => `${describeBss(b)}${b.band === null ? ': band not reported' : ''}`).join('; ')
  if (on24.length > 0) {
    return finding('WIFI-BAND', 'pass', evidence, bssidsOf(on24), `${name} is on 2.4 GHz (${on24.length} BSS).`, '')
  }
  if (unknown.length > 0) {
    return finding(
      'WIFI-BAND',
      'unknown',
      evidence,
      bssidsOf(unknown),
      'The scanner did not report the band or frequency, so 2.4 GHz cannot be confirmed.',
      `In the access point's radio settings, confirm ${name} is enabled on the 2.4 GHz radio; or check it appears in Tesla One's list of scanned networks.`
    )
  }
  return finding(
    'WIFI-BAND',
    'fail',
    evidence,
    bssidsOf(ctx.target),
    `${name} is only on ${[...new Set(ctx.target.map((b) => `${b.band} GHz`))].join(' and ')}; the charger only uses 2.4 GHz.`,
    `Enable ${name} on the access point's 2.4 GHz radio (or create a 2.4 GHz SSID for the chargers).`
  )
}

/** Channel width of a BSS: the reported width, else 40 MHz when a secondary channel is set. */
function widthOf(b: Bss): number | null {
  const fromOffset = b.secondaryChannelOffset === 'above' || b.secondaryChannelOffset === 'below' ? 40 : b.secondaryChannelOffset === 'none' ? 20 : null
  if (b.channelWidthMhz === null) return fromOffset
  // A secondary channel means 40 MHz whatever width the scanner printed: judge the wider.
  return fromOffset === null ? b.channelWidthMhz : Math.max(b.channelWidthMhz, fromOffset)
}

/** WIFI-WIDTH: 20 MHz or less on every 2.4 GHz BSS of the SSID. */
export function ruleWidth(ctx: WifiContext): Finding {
  const none = fromAbsence('WIFI-WIDTH', ctx)
  if (none) return none
  const max = ctx.params.maxChannelWidthMhz
  const judged = ctx.candidates.map((bss): Judged => {
    const w = widthOf(bss)
    const offset = bss.secondaryChannelOffset === 'above' || bss.secondaryChannelOffset === 'below' ? ` (secondary channel ${bss.secondaryChannelOffset})` : ''
    if (w === null) return { bss, result: 'unknown', seen: `channel width not reported by ${bss.sources.map(scanSourceForDisplay).join('/')}`, fix: 'verify' }
    return { bss, result: w <= max ? 'pass' : 'fail', seen: `${w} MHz${offset}`, fix: 'width' }
  })
  return combine(
    'WIFI-WIDTH',
    judged,
    (result) =>
      result === 'pass'
        ? `Channel width ${max} MHz or less.`
        : result === 'unknown'
          ? 'This platform\'s scanner does not report channel width (netsh, older macOS), so 20 MHz cannot be confirmed.'
          : `A channel wider than ${max} MHz is not supported by the charger; a 40 MHz 2.4 GHz BSS does not qualify.`,
    {
      width: `Set the 2.4 GHz radio to ${max} MHz channel width (not 20/40 MHz or auto).`,
      verify: `On the access point, check the 2.4 GHz radio's channel width is ${max} MHz (not 20/40 or auto); a Linux laptop (\`iw dev <wlan> scan\`) or macOS 15 shows it.`
    }
  )
}

/** Legacy 802.11b/g rates (Mbps): a BSS whose basic rates include none of them admits no b/g client. */
const LEGACY_RATES = new Set([1, 2, 5.5, 11, 6, 9, 12, 18, 24, 36, 48, 54])
/**
 * BSS membership selectors as rates (IEEE 802.11-2020 9.4.2.3: selector value / 2): HT PHY 127,
 * VHT 126, HE 122, EHT 121. In the basic rate set they mean "only stations with this PHY may join".
 */
const PHY_SELECTORS: ReadonlyMap<number, string> = new Map([
  [63.5, 'HT (802.11n)'],
  [63, 'VHT (802.11ac)'],
  [61, 'HE (802.11ax)'],
  [60.5, 'EHT (802.11be)']
])

/** WIFI-PHY: 802.11b, g or n, and no basic rate set that shuts out b/g clients. */
export function rulePhy(ctx: WifiContext): Finding {
  const none = fromAbsence('WIFI-PHY', ctx)
  if (none) return none
  const judged = ctx.candidates.map((bss): Judged => {
    const basic = bss.basicRatesMbps
    const required = (basic ?? []).flatMap((r) => {
      const name = PHY_SELECTORS.get(r)
      return name === undefined ? [] : [name]
    })
    if (required.length > 0) return { bss, result: 'fail', seen: `basic rates require ${required.join(', ')} (BSS membership selector)`, fix: 'mode' }
    if (basic !== null && basic.length > 0 && !basic.some((r) => LEGACY_RATES.has(r))) {
      return { bss, result: 'fail', seen: `basic rates ${basic.join(' ')} Mbps contain no 802.11b/g rate (HT-only)`, fix: 'mode' }
    }
    if (bss.phy !== null) {
      const ok = bss.phy.filter((p) => p === 'b' || p === 'g' || p === 'n')
      const seen = `802.11${bss.phy.join('/')}`
      return ok.length > 0 ? { bss, result: 'pass', seen, fix: '' } : { bss, result: 'fail', seen, fix: 'mode' }
    }
    const rates = [...(basic ?? []), ...(bss.supportedRatesMbps ?? [])]
    const b = rates.some((r) => r === 1 || r === 2 || r === 5.5 || r === 11)
    const g = rates.some((r) => [6, 9, 12, 18, 24, 36, 48, 54].includes(r))
    if (bss.band === '2.4' && (b || g)) {
      return { bss, result: 'pass', seen: `802.11${b ? 'b' : ''}${b && g ? '/' : ''}${g ? 'g' : ''} rates advertised (PHY read from the rate set)`, fix: '' }
    }
    return { bss, result: 'unknown', seen: 'PHY standard not reported', fix: 'verify' }
  })
  return combine(
    'WIFI-PHY',
    judged,
    (result) =>
      result === 'pass'
        ? '802.11b/g/n compliant.'
        : result === 'unknown'
          ? 'The scanner did not report the PHY standards or rates, so 802.11b/g/n cannot be confirmed.'
          : 'The BSS admits only newer PHYs ("n-only"/greenfield or "ax-only" mode); the charger needs an 802.11b/g/n compatible network.',
    {
      mode: 'Set the 2.4 GHz radio mode to 802.11b/g/n mixed (turn off "n-only", "greenfield" or "ax-only"); keep legacy basic rates (1, 2, 5.5, 11 or 6, 12, 24 Mbps).',
      verify: 'On the access point, check the 2.4 GHz radio mode is 802.11b/g/n (mixed), not n-only or ax-only.'
    }
  )
}

/** WIFI-RATE: at least one of the profile's data rates is supported. */
export function ruleRate(ctx: WifiContext): Finding {
  const none = fromAbsence('WIFI-RATE', ctx)
  if (none) return none
  const allowed = ctx.params.allowedRatesMbps
  const judged = ctx.candidates.map((bss): Judged => {
    if (bss.basicRatesMbps === null && bss.supportedRatesMbps === null) return { bss, result: 'unknown', seen: 'rates not reported', fix: 'verify' }
    const rates = [...new Set([...(bss.basicRatesMbps ?? []), ...(bss.supportedRatesMbps ?? [])])]
    const matching = rates.filter((r) => allowed.includes(r))
    return matching.length > 0
      ? { bss, result: 'pass', seen: `supports ${matching.join(', ')} Mbps`, fix: '' }
      : { bss, result: 'fail', seen: `rates ${rates.join(' ')} Mbps, none of the listed ones`, fix: 'rates' }
  })
  return combine(
    'WIFI-RATE',
    judged,
    (result) =>
      result === 'pass'
        ? 'At least one of the data rates the charger uses is supported.'
        : result === 'unknown'
          ? 'The scanner (e.g. nmcli, system_profiler) does not list the supported rates.'
          : 'None of the data rates the charger uses is offered.',
    {
      rates: `Enable the legacy data rates on the 2.4 GHz radio (at least one of ${allowed.join(', ')} Mbps).`,
      verify: `On the access point, check the 2.4 GHz radio's data rates include at least one of ${allowed.join(', ')} Mbps (a Linux laptop's \`iw dev <wlan> scan\` lists them).`
    }
  )
}

/** WIFI-SIGNAL: the strongest 2.4 GHz BSS of the SSID against the profile's thresholds. */
export function ruleSignal(ctx: WifiContext): Finding {
  const { passDbm, warnDbm, laptopMarginDb } = ctx.params.signal
  const threshold = `pass at ${passDbm} dBm or better, warn down to ${warnDbm} dBm (survey practice, not a vendor figure)`
  const name = `"${ctx.targetSsid}"`
  if (ctx.candidates.length === 0) {
    const hints = ctx.target.length > 0 ? [`only on ${ctx.target.map(describeBss).join(', ')}`] : notSeenHints(ctx)
    const maybeHidden = ctx.target.length === 0 && ctx.all.some((b) => b.hidden || b.redacted)
    return finding(
      'WIFI-SIGNAL',
      maybeHidden ? 'unknown' : 'fail',
      joinEvidence([`no 2.4 GHz signal of ${name} heard here`, ...hints]),
      [],
      maybeHidden
        ? 'The network was not heard by name; it may be one of the hidden or withheld BSSes, so its signal is unknown.'
        : 'The charger would not hear the network at this location.',
      maybeHidden
        ? `Connect the laptop to ${name} here (or allow Location Services on macOS) and measure again.`
        : `Add a 2.4 GHz access point for ${name} near this location, or check the network name and measure again.`
    )
  }
  const best = decidingSignal(ctx.candidates)
  if (best === null) {
    return finding(
      'WIFI-SIGNAL',
      'unknown',
      `${ctx.candidates.map(describeBss).join(', ')}: signal not reported`,
      bssidsOf(ctx.candidates),
      'The scanner gave no signal level for this network.',
      'Measure again with a scanner that reports signal (Linux iw/nmcli, Windows netsh), or read the RSSI on the access point\'s client list with the laptop connected.'
    )
  }
  const pool = signalPool(ctx.candidates)
  const measured = best.signalDbm
  const atCharger = measured - laptopMarginDb
  const result = signalLevelResult(atCharger, ctx.params.signal)
  const others = pool.filter((b) => b !== best)
  const evidence = joinEvidence([
    `strongest 2.4 GHz BSS ${describeBss(best)}: ${dbm(measured)}${best.signalDerived ? ' (estimated from a percentage, ±5 dB)' : ''}`,
    laptopMarginDb !== 0 ? `${dbm(atCharger)} at the charger after the ${laptopMarginDb} dB laptop margin` : '',
    best.band === null ? 'band not reported' : '',
    others.length > 0 ? `others: ${others.map((b) => `${b.bssid ?? 'withheld'} ${dbm(b.signalDbm)}`).join(', ')}` : '',
    threshold
  ])
  const explanation =
    result === 'pass'
      ? `Signal ${dbm(atCharger)} is at or above ${passDbm} dBm.`
      : result === 'warn'
        ? `Signal ${dbm(atCharger)} is below ${passDbm} dBm: the connection may drop at busy times.`
        : `Signal ${dbm(atCharger)} is below ${warnDbm} dBm: the charger is unlikely to stay connected.`
  return finding(
    'WIFI-SIGNAL',
    result,
    evidence,
    [best.bssid ?? ''].filter((b) => b.length > 0),
    explanation,
    `Add or move a 2.4 GHz access point closer to this location (line of sight, fewer concrete walls), or raise its 2.4 GHz transmit power; aim for ${passDbm} dBm or better.`
  )
}

/** WIFI-MIXED: no WPA2/WPA3 transition mode on the charger's BSSes. */
export function ruleMixed(ctx: WifiContext): Finding {
  const none = fromAbsence('WIFI-MIXED', ctx)
  if (none) return none
  const judged = ctx.candidates.map((bss): Judged => {
    const { protocols, akm } = bss.security
    const k = akm === null ? null : akmKinds(akm)
    const transition = (protocols !== null && protocols.includes('WPA2') && protocols.includes('WPA3')) || (k !== null && k.personalPsk && k.personalSae)
    const seen = `protocols ${list(protocols)}, authentication ${k === null ? 'not reported' : k.names.join(' ') || 'none'}`
    if (transition) return { bss, result: 'warn', seen, fix: 'mixed' }
    if (protocols === null && akm === null) return { bss, result: 'unknown', seen, fix: 'verify' }
    return { bss, result: 'pass', seen, fix: '' }
  })
  return combine(
    'WIFI-MIXED',
    judged,
    (result) =>
      result === 'pass'
        ? 'Not in WPA2/WPA3 transition mode.'
        : result === 'unknown'
          ? 'The scanner does not show whether WPA3 (SAE) is offered next to WPA2.'
          : 'WPA2/WPA3 transition mode (PSK + SAE): allowed by the FAQ, but the vendor\'s support asks for WPA2 only and field reports show failures.',
    {
      mixed: 'Set the chargers\' SSID to WPA2-Personal (AES) only, not "WPA2/WPA3 transitional".',
      verify: 'On the access point, check the security mode is WPA2-Personal only (not "WPA2/WPA3 transitional").'
    }
  )
}

/** WIFI-HIDDEN: the SSID is broadcast. */
export function ruleHidden(ctx: WifiContext): Finding {
  const name = `"${ctx.targetSsid}"`
  if (ctx.target.length === 0) {
    const hidden = ctx.all.filter((b) => b.hidden)
    if (hidden.length > 0) {
      return finding(
        'WIFI-HIDDEN',
        'warn',
        `${name} not seen by name; hidden BSS here: ${hidden.map(describeBss).join(', ')}`,
        bssidsOf(hidden),
        'The target may be a hidden network: not documented by the vendor, and embedded clients often fail on hidden SSIDs.',
        `Make ${name} visible (turn on "broadcast SSID") on the access point.`
      )
    }
    // Cast: fromAbsence returns null only when some BSS of the target was heard; none was.
    return fromAbsence('WIFI-HIDDEN', ctx) as Finding
  }
  const hidden = ctx.target.filter((b) => b.hidden)
  if (hidden.length > 0) {
    return finding(
      'WIFI-HIDDEN',
      'warn',
      `hidden: ${hidden.map(describeBss).join(', ')}`,
      bssidsOf(hidden),
      'The SSID is hidden: not documented by the vendor, and embedded clients often fail on hidden SSIDs.',
      `Turn on "broadcast SSID" for ${name} on the access point.`
    )
  }
  return finding('WIFI-HIDDEN', 'pass', `${name} broadcast by ${ctx.target.length} BSS`, bssidsOf(ctx.target), 'The network name is broadcast.', '')
}

/** WIFI-STEER: the SSID is not also on 5/6 GHz (band steering). */
export function ruleSteering(ctx: WifiContext): Finding {
  const name = `"${ctx.targetSsid}"`
  // Cast: fromAbsence returns null only when some BSS of the target was heard; none was.
  if (ctx.target.length === 0) return fromAbsence('WIFI-STEER', ctx) as Finding
  const other = ctx.target.filter((b) => b.band === '5' || b.band === '6')
  if (other.length > 0) {
    return finding(
      'WIFI-STEER',
      'warn',
      `${name} also on ${other.map(describeBss).join(', ')}`,
      bssidsOf(other),
      'The same SSID is also on 5/6 GHz (band steering); the vendor\'s support asks for a single 2.4 GHz network.',
      `Give the chargers a 2.4 GHz-only SSID (or turn off band steering and the 5/6 GHz radios for ${name}).`
    )
  }
  const unknown = ctx.target.filter((b) => b.band === null)
  if (unknown.length > 0) {
    return finding(
      'WIFI-STEER',
      'unknown',
      `band not reported for ${unknown.map(describeBss).join(', ')}`,
      bssidsOf(unknown),
      'The scanner did not report every BSS\'s band, so a 5/6 GHz BSS of the same name cannot be ruled out.',
      `On the access point, check ${name} is enabled on the 2.4 GHz radio only and band steering is off.`
    )
  }
  return finding('WIFI-STEER', 'pass', `${name} seen on 2.4 GHz only`, bssidsOf(ctx.target), 'One 2.4 GHz network, no band steering seen.', '')
}

/** Open means no protocol but OPEN (OWE counts as not open for phones: it needs OWE support). */
function isOpen(b: Bss): boolean | null {
  const p = b.security.protocols
  if (p === null) return null
  return p.length === 0 || (p.length === 1 && p[0] === 'OPEN')
}

/** What a probe run on the drivers' network says about its internet access, for the evidence. */
function phoneInternet(probe: ProbeRun | null): { ok: boolean | null; text: string } {
  if (probe === null) return { ok: null, text: 'internet access not checked while connected' }
  const failed = probe.results.filter((r) => r.outcome === 'fail')
  if (failed.length > 0) return { ok: false, text: `internet check while connected failed (${failed.map((r) => `${r.protocol.toUpperCase()} ${r.host}: ${r.kind ?? 'error'}`).slice(0, 3).join(', ')}${failed.length > 3 ? ', …' : ''})` }
  const passed = probe.results.filter((r) => r.outcome === 'pass').length
  if (passed === 0) return { ok: null, text: 'internet check while connected did not run' }
  return { ok: true, text: `internet check while connected passed (${passed} checks, ${probe.startedAt})` }
}

/**
 * SITE-PHONE: the drivers' open `Tesla-Charging-Access` network (never part of WIFI-SEC).
 *
 * At most a warning: it serves phones, not chargers. A pass needs it visible, open, not weak, and
 * its internet access checked while connected (`phoneProbe`).
 */
export function rulePhone(ctx: WifiContext, phoneProbe: ProbeRun | null = null): Finding {
  const { phoneSsid, signal } = ctx.params
  const note = 'It is for drivers\' phones only and never counts toward WIFI-SEC; an open network with a well-known name can be impersonated, so keep it apart from the chargers\' network.'
  const phone = ctx.all.filter((b) => b.ssid === phoneSsid)
  if (phone.length === 0) {
    return finding(
      'SITE-PHONE',
      'warn',
      `"${phoneSsid}" not seen here`,
      [],
      `Where there is no cellular signal, drivers of non-Tesla vehicles cannot start a session in the app without "${phoneSsid}". Ignore this where cellular coverage at the stall is good (note it in the location's cellular note).`,
      `If there is no cellular signal at this stall, set up an open (no password) network named exactly "${phoneSsid}" with internet access, separate from the chargers' network.`
    )
  }
  const heard = phone.filter((b) => b.signalDbm !== null)
  // Cast: `heard` has only BSSes with a signal; `phone` is not empty here (returned above when it was).
  const best = heard.length > 0 ? heard.reduce((a, b) => ((b.signalDbm as number) > (a.signalDbm as number) ? b : a)) : (phone[0] as Bss)
  const open = phone.map(isOpen)
  const bands = [...new Set(phone.map((b) => (b.band === null ? 'band not reported' : `${b.band} GHz`)))].join(', ')
  const strength = best.signalDbm === null ? 'signal not reported' : dbm(best.signalDbm)
  const internet = phoneInternet(phoneProbe)
  const evidence = `"${phoneSsid}" on ${phone.map(describeBss).join(', ')}; ${open.every((o) => o === true) ? 'open' : open.some((o) => o === false) ? `secured (${list(phone.find((_, i) => open[i] === false)?.security.protocols ?? null)})` : 'security not reported'}; ${bands}; strongest ${strength}; ${internet.text}`
  const bssids = bssidsOf(phone)
  if (open.some((o) => o === false)) {
    return finding('SITE-PHONE', 'warn', evidence, bssids, `"${phoneSsid}" must be unsecured (no password) for drivers' phones. ${note}`, `Remove the password from "${phoneSsid}" (open network) and keep it isolated from the chargers' network.`)
  }
  if (open.some((o) => o === null)) {
    return finding('SITE-PHONE', 'unknown', evidence, bssids, `The scanner did not show whether "${phoneSsid}" is open. ${note}`, `Connect a phone to "${phoneSsid}": it must join without a password and reach the internet.`)
  }
  if (best.signalDbm !== null && best.signalDbm < signal.warnDbm) {
    return finding('SITE-PHONE', 'warn', evidence, bssids, `"${phoneSsid}" is weak here (${strength}); phones may not get online. ${note}`, `Improve "${phoneSsid}" coverage at this stall (an access point closer by).`)
  }
  if (internet.ok === false) {
    return finding('SITE-PHONE', 'warn', evidence, bssids, `"${phoneSsid}" is visible and open, but does not reach the internet, so drivers' phones cannot start a session. ${note}`, `Give "${phoneSsid}" internet access (the same hosts the chargers need), then run the connectivity check again while connected to it.`)
  }
  if (internet.ok === null) {
    return finding('SITE-PHONE', 'warn', evidence, bssids, `"${phoneSsid}" is visible and open here; its internet access is not confirmed yet. ${note}`, `Connect the laptop to "${phoneSsid}" at this stall and run the connectivity check (the vendor asks for a screenshot taken while connected).`, true)
  }
  return finding('SITE-PHONE', 'pass', evidence, bssids, `"${phoneSsid}" is visible, open and reaches the internet here. ${note}`, '')
}

/** Every Wi-Fi rule, in display order. */
export function evaluateWifi(ctx: WifiContext, phoneProbe: ProbeRun | null = null): Finding[] {
  return [
    ruleSecurity(ctx),
    ruleAuthentication(ctx),
    ruleBand(ctx),
    ruleWidth(ctx),
    rulePhy(ctx),
    ruleRate(ctx),
    ruleSignal(ctx),
    ruleMixed(ctx),
    ruleHidden(ctx),
    ruleSteering(ctx),
    rulePhone(ctx, phoneProbe)
  ]
}
