/**
 * The IT handout in every format `wc-survey rules` and the app's IT handout page offer: a text
 * table, CSV and JSON for any firewall, and nftables + dnsmasq for Linux / OpenWrt (nftables.ts).
 * With a survey, the tabular formats lead with what it saw fail and give the whole list as an
 * appendix; the nftables ruleset is always the whole list (it is a default-deny policy).
 */
import { destinationLabel, failedRules, WILDCARD_NOTE, type Allowlist, type AllowRule, type RuleSeen } from '../requirements/allowlist'
import { PROFILE, type RequirementProfile } from '../requirements/profile'
import { driversNetworkNeeds } from './drivers-network'
import type { HandoutFormat } from './names'
import { toDnsmasq, toNftables, type NftOptions } from './nftables'
import { csvText } from '../text/csv'

/** Why wildcards need DNS help, for IT: the handout's note in every format that has prose. */
export function wildcardExplanation(profile: RequirementProfile = PROFILE): string {
  const wildcards = profile.parameters.domains.map((d) => d.pattern).filter((p) => p.startsWith('*.'))
  return (
    `Wildcards (${wildcards.join(', ')}): most firewalls filter addresses, and a wildcard has no address list of its own. ` +
    `Use a feature that learns the addresses from DNS answers (dnsmasq nftset, an FQDN/wildcard-FQDN object), and make sure the chargers use that resolver; ` +
    `allowing only the probed names is not enough: ${WILDCARD_NOTE}.`
  )
}

/** What the survey saw, in words. */
export const SEEN_LABEL: Readonly<Record<RuleSeen, string>> = {
  fail: 'FAILED',
  'not-run': 'not run',
  pass: 'passed',
  'not-probed': 'not probed'
}

/** "UDP 123", "TCP 443". */
export function portLabel(rule: AllowRule): string {
  return `${rule.transport.toUpperCase()} ${rule.port}`
}

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd()
}

function tableOf(rules: readonly AllowRule[], withSeen: boolean): string[] {
  const head = ['PROTOCOL', 'PORT', 'DESTINATION', 'WHY', ...(withSeen ? ['SURVEY'] : []), 'NOTE']
  const rows = rules.map((r) => [
    r.protocol.toUpperCase(),
    portLabel(r),
    destinationLabel(r.destination),
    r.requirements.join(', '),
    ...(withSeen ? [SEEN_LABEL[r.seen]] : []),
    r.note
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)))
  return [pad(head, widths), ...rows.map((row) => pad(row, widths))].map((l) => `  ${l}`)
}

/** The checks behind the failed rules, one line each. */
export function failureLines(list: Allowlist): string[] {
  return failedRules(list).flatMap((rule) =>
    rule.failures.map((f) => `${f.protocol.toUpperCase()} ${f.host}: ${f.kind ?? 'failed'}${f.locations.length > 0 ? ` (seen at ${f.locations.join(', ')})` : ''}${f.advice === '' ? '' : ` — ${f.advice}`}`)
  )
}

/**
 * What the survey part of the handout says in one sentence. It never quotes the site name (survey
 * text): each format shows that its own safe way.
 */
export function surveyStatus(list: Allowlist): string {
  if (list.site === null) return 'The whole allowlist from the requirement profile (no survey given).'
  const runs = `${list.probeRuns} probe run${list.probeRuns === 1 ? '' : 's'} on the chargers' network`
  if (list.probeRuns === 0) return "The survey holds no probe run on the chargers' network: nothing was seen to fail yet."
  const failed = failedRules(list).length
  if (failed === 0) return `The survey saw every rule pass (${runs}).`
  return `The survey saw ${failed} rule${failed === 1 ? '' : 's'} fail (${runs}).`
}

function toTable(list: Allowlist): string {
  const lines = [
    `Firewall allowlist for the Wall Connectors' network (requirement profile ${list.profile.id} ${list.profile.version})`,
    ...(list.site === null ? [] : [`Site: ${list.site}`]),
    surveyStatus(list),
    ''
  ]
  const failed = failedRules(list)
  if (list.site !== null && failed.length > 0) {
    lines.push('Rules to add (the survey saw them fail):', ...tableOf(failed, true), '', 'What failed:', ...failureLines(list).map((l) => `  - ${l}`), '')
    lines.push('Appendix: the whole allowlist', ...tableOf(list.rules, true), '')
  } else {
    lines.push('The allowlist:', ...tableOf(list.rules, list.site !== null), '')
  }
  lines.push(wildcardExplanation(), '', "The drivers' network (SITE-PHONE):", ...driversNetworkNeeds().map((n) => `  - ${n.what}: ${n.detail}`), '')
  return lines.join('\n')
}

function toCsv(list: Allowlist): string {
  const head = ['section', 'protocol', 'transport', 'port', 'destination', 'destination_kind', 'requirements', 'survey', 'covers', 'note']
  const row = (section: string, r: AllowRule): string[] => [
    section,
    r.protocol,
    r.transport,
    String(r.port),
    destinationLabel(r.destination),
    r.destination.kind,
    r.requirements.join(' '),
    r.seen,
    r.covers.join(' '),
    r.note
  ]
  const failed = list.site === null ? [] : failedRules(list)
  const rows = [...failed.map((r) => row('to add', r)), ...list.rules.map((r) => row(failed.length > 0 ? 'appendix' : 'allowlist', r))]
  return csvText([head, ...rows])
}

function jsonRule(r: AllowRule): Record<string, unknown> {
  return {
    key: r.key,
    protocol: r.protocol,
    transport: r.transport,
    port: r.port,
    destination: destinationLabel(r.destination),
    destinationKind: r.destination.kind,
    requirements: r.requirements,
    covers: r.covers,
    note: r.note,
    survey: r.seen,
    failures: r.failures
  }
}

function toJson(list: Allowlist): string {
  const doc = {
    profile: list.profile,
    site: list.site,
    probeRuns: list.probeRuns,
    toAdd: list.site === null ? [] : failedRules(list).map(jsonRule),
    allowlist: list.rules.map(jsonRule),
    wildcards: wildcardExplanation(),
    driversNetwork: driversNetworkNeeds()
  }
  return `${JSON.stringify(doc, null, 2)}\n`
}

/** The handout in `format`. Throws only on a bad interface name (callers check it first). */
export function renderHandout(list: Allowlist, format: HandoutFormat, nft: NftOptions): string {
  switch (format) {
    case 'table':
      return toTable(list)
    case 'csv':
      return toCsv(list)
    case 'json':
      return toJson(list)
    case 'nftables':
      return toNftables(list, nft)
    case 'dnsmasq':
      return toDnsmasq(list)
  }
}
