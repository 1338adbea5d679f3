/**
 * WIFI-STABLE: the target network over a watch (survey practice, not a vendor figure). Warns when
 * the network was missing or below the WIFI-SIGNAL fail threshold for more than the profile's
 * share of the time, or when light connectivity checks failed; the evidence gives min / p5 /
 * median signal, the share of time below each threshold, the drops and the failed checks with
 * their times.
 */
import type { Finding } from '../model/finding'
import type { WatchRecord } from '../model/watch'
import type { ZoneOptions } from '../text/date-time'
import { listTimes, percentText, summarizeWatch, watchClock, watchSpanText, type WatchSummary } from '../watch/summary'
import { dbm, finding, joinEvidence } from './finding-kit'
import type { ProfileParameters } from './profile'


function signalLine(s: WatchSummary): string {
  if (s.minDbm === null || s.p5Dbm === null || s.medianDbm === null) return `"${s.ssid}" never heard on 2.4 GHz`
  return `best 2.4 GHz BSS: min ${dbm(s.minDbm)}, p5 ${dbm(s.p5Dbm)}, median ${dbm(s.medianDbm)}`
}

/**
 * Judges one watch with the profile's thresholds; the evidence's times in `zone` (the site's,
 * with offsets), or in UTC labelled "UTC" when no site is known (the CLI's watch).
 */
export function ruleStability(record: WatchRecord, params: ProfileParameters, zone?: ZoneOptions): Finding {
  const span = (x: { t: number; untilT: number | null }): string => watchSpanText(x, zone)
  const { signal, stability } = params
  const s = summarizeWatch(record, signal)
  const minutes = Math.max(1, Math.round(s.durationS / 60))
  if (s.samples === 0) {
    return finding('WIFI-STABLE', 'unknown', `watch of "${s.ssid}": no scan completed`, [], 'The watch ended before its first scan, so stability cannot be judged.', 'Watch this stall again and let it run.')
  }
  const unusable = s.missingShare + s.belowFailShare
  const checksFailed = s.checksFailed > stability.maxFailedChecks
  const tooOften = unusable > stability.maxUnusableShare
  const evidence = joinEvidence([
    `${s.samples} scans over ${minutes} min`,
    signalLine(s),
    `below ${signal.passDbm} dBm ${percentText(s.belowPassShare)} of the time, below ${signal.warnDbm} dBm ${percentText(s.belowFailShare)}, not heard ${percentText(s.missingShare)}`,
    s.drops > 0 ? `${s.drops} drop${s.drops === 1 ? '' : 's'}: ${listTimes(s.dropTimes, span)}` : 'no drops',
    s.roams > 0 ? `${s.roams} roam${s.roams === 1 ? '' : 's'} between BSSes` : '',
    s.checksRun === 0 ? 'no connectivity checks' : `${s.checksFailed} of ${s.checksRun} connectivity checks failed${checksFailed ? `: ${listTimes(s.failedChecks, (c) => `${watchClock(c.t, zone)} ${c.detail}`)}` : ''}`,
    s.gaps.length > 0 ? `not watched: ${listTimes(s.gaps, span)}` : '',
    `warn above ${percentText(stability.maxUnusableShare)} missing or below ${signal.warnDbm} dBm, or on ${stability.maxFailedChecks === 0 ? 'any failed check' : `more than ${stability.maxFailedChecks} failed checks`} (survey practice, not a vendor figure)`
  ])
  if (!tooOften && !checksFailed) {
    return finding('WIFI-STABLE', 'pass', evidence, [], `The network stayed usable ${percentText(1 - unusable)} of the watched time and every connectivity check passed.`, '')
  }
  const why = [
    tooOften ? `the network was missing or below ${signal.warnDbm} dBm ${percentText(unusable)} of the time (more than ${percentText(stability.maxUnusableShare)})` : '',
    checksFailed
      ? s.checksFailed === s.checksRun
        ? 'every connectivity check failed (see the NET- findings for the firewall)'
        : `${s.checksFailed} of ${s.checksRun} connectivity checks failed now and then`
      : ''
  ].filter((w) => w !== '')
  return finding(
    'WIFI-STABLE',
    'warn',
    evidence,
    [],
    `A charger here would go offline now and then: ${why.join('; ')}.`,
    [
      tooOften ? 'Look at the times of the drops: a neighbour on the same channel in the evening (move the access point to another channel), a repeater that drops (wire it), a roam between two access points (lower one\'s power or add one closer).' : '',
      checksFailed ? 'Give the network admin the times of the failed checks: an uplink, DNS server or firewall that fails intermittently.' : ''
    ]
      .filter((f) => f !== '')
      .join(' ')
  )
}
