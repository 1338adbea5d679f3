/**
 * What to tell IT, for a ticket: "Copy for IT" (plain text: only the changes the network
 * administrator makes, each with where and which access points) and the findings as CSV (every
 * finding that is not a pass, one row per location and requirement, with who acts).
 *
 * Both are built from the survey judged afresh (judgeSurvey), as the report is. Survey text
 * (site and location names, SSIDs in evidence) is made visible (hidden characters as [U+202E])
 * and, in the CSV, neutralised against formula injection (csv.ts).
 */
import type { Survey } from '../model/survey'
import { judgeSurvey } from '../requirements/judge'
import { atLocationsLine } from '../requirements/headline'
import { VERDICT_LABEL } from '../requirements/labels'
import { PROFILE, requirementTitle } from '../requirements/profile'
import { csvText } from '../text/csv'
import { visibleText } from '../text/hidden-chars'
import { accessPointsLine, accessPointsOf, accessPointText, ACTOR_LABEL, buildChecklist, deviceNames, profileIndex, whoActs, type Checklist, type ChecklistItem } from './what-to-change'

/** The survey's checklist, from its judgement (the report's "What to change"). */
export function surveyChecklist(survey: Survey): Checklist {
  const judged = judgeSurvey(PROFILE, survey)
  return buildChecklist(judged.locations.map((l) => ({ name: l.location.name, findings: l.findings ?? [], probe: l.networkProbe?.run ?? null, measurement: l.measurement })))
}

function itemLines(items: readonly ChecklistItem[], total: number): string[] {
  return items.flatMap((item, i) => [
    `${i + 1}. [${item.requirement}] ${visibleText(item.action)}`,
    ...(item.detail === '' ? [] : [`   ${visibleText(item.detail)}`]),
    ...(item.accessPoints.length === 0 ? [] : [`   ${accessPointsLine(item.accessPoints)}`]),
    `   ${visibleText(atLocationsLine(item.locations, total))}`
  ])
}

/**
 * The "Copy for IT" text: site, network, verdict, then the firewall rules and access-point
 * settings to change. The technician's own steps and the site manager's items are left out: IT
 * is asked only for changes it makes.
 */
export function itTicketText(survey: Survey): string {
  const judged = judgeSurvey(PROFILE, survey)
  const checklist = surveyChecklist(survey)
  const total = survey.locations.length
  const lines = [
    `Wi-Fi and firewall changes for the Wall Connectors — ${visibleText(survey.site.name)}`,
    `Chargers' network (SSID): ${survey.targetSsid === '' ? '(not set)' : `"${visibleText(survey.targetSsid)}"`}`,
    `Survey verdict: ${VERDICT_LABEL[judged.verdict]} — ${visibleText(judged.reason)}`,
    ''
  ]
  if (checklist.firewall.length === 0 && checklist.accessPoint.length === 0) {
    lines.push('No change is needed on the firewall or the access points.')
  } else {
    if (checklist.firewall.length > 0) lines.push('Firewall rules to add:', ...itemLines(checklist.firewall, total), '')
    if (checklist.accessPoint.length > 0) lines.push('Access-point settings to change:', ...itemLines(checklist.accessPoint, total), '')
  }
  lines.push(`Requirement IDs refer to the Wall Connector requirement profile ${PROFILE.id} ${PROFILE.version}.`)
  return `${lines.join('\n').trimEnd()}\n`
}

const CSV_HEAD = ['location', 'requirement', 'title', 'result', 'who acts', 'what to do', 'access points (BSSID)', 'evidence'] as const

/** Every finding that is not a pass, one row each, worst location order as judged; CSV text. */
export function findingsCsv(survey: Survey): string {
  const judged = judgeSurvey(PROFILE, survey)
  const rows = judged.locations.flatMap((l) => {
    const names = deviceNames(l.measurement?.observations ?? [])
    return l.findings === null
      ? [[l.location.name, '', '', 'not measured', ACTOR_LABEL.technician, l.verdict.reason, '', '']]
      : [...l.findings]
      .filter((f) => f.result !== 'pass')
      .sort((a, b) => profileIndex(a.requirement) - profileIndex(b.requirement))
      .map((f) => [
        l.location.name,
        f.requirement,
        requirementTitle(f.requirement),
        f.result,
        ACTOR_LABEL[whoActs(f)],
        f.remediation,
        accessPointsOf(f.bssids, names).map(accessPointText).join('; '),
        f.evidence
      ])
  })
  return csvText([CSV_HEAD, ...rows])
}
