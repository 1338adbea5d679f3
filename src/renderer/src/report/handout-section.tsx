/**
 * The report's IT handout page (NET-DNS, NET-NTP, NET-HTTP, NET-TLS, NET-DOMAINS, SITE-PHONE): what
 * the survey's probe runs saw fail, the firewall rules to add, the note on wildcards and what the
 * drivers' network needs — for the site's IT, from the same allowlist as `wc-survey rules`.
 * Kept apart from the remediation checklist on purpose: this page is handed over as it is.
 */
import { useMemo } from 'react'
import type { Survey } from '../../../shared/model/survey'
import { buildAllowlist, failedRules } from '../../../shared/requirements/allowlist'
import { driversNetworkNeeds } from '../../../shared/handout/drivers-network'
import { surveyStatus, wildcardExplanation } from '../../../shared/handout/formats'
import { FailureList, RulesTable } from '../handout/handout-parts'
import { UserText } from './user-text'
import './handout.css'

/** The IT handout page of the report. */
export function HandoutSection(props: { readonly survey: Survey }) {
  const list = useMemo(() => buildAllowlist(props.survey), [props.survey])
  const failed = failedRules(list)
  return (
    <section className="rpt-page rpt-handout" data-section="it-handout">
      <h2>IT handout — firewall rules for the chargers&apos; network</h2>
      <p>
        Site: <UserText text={props.survey.site.name} empty="(no name)" />. {surveyStatus(list)} Each rule names the requirement behind it (profile {list.profile.id} {list.profile.version}). Files to paste —
        nftables with dnsmasq <span className="rpt-mono">nftset</span> lines, CSV, JSON — come from the app&apos;s IT handout page,{' '}
        <span className="rpt-mono">wc-survey rules --survey FILE</span>, or beside this PDF on request.
      </p>

      <h3>What failed</h3>
      {failed.length === 0 ? (
        <p>{list.probeRuns === 0 ? 'Nothing was probed on the chargers\' network yet: no failure is known.' : 'No check failed: the firewall let every required connection out.'}</p>
      ) : (
        <FailureList rules={failed} className="rpt-handout-failures" />
      )}

      {failed.length > 0 && (
        <>
          <h3>Rules to add</h3>
          <RulesTable rules={failed} label="Rules to add" showSeen={false} print />
        </>
      )}

      <div className="rpt-callout">
        <strong>Wildcards need DNS.</strong> {wildcardExplanation()}
      </div>

      <h3>{failed.length > 0 ? 'The whole allowlist' : 'The allowlist'}</h3>
      <RulesTable rules={list.rules} label="The whole allowlist" showSeen={list.probeRuns > 0} print />
      <p className="rpt-small rpt-muted">Everything else from the chargers&apos; network can stay blocked (the nftables file is default-deny).</p>

      <h3>The drivers&apos; network (SITE-PHONE)</h3>
      <ul className="rpt-handout-needs">
        {driversNetworkNeeds().map((n) => (
          <li key={n.what}>
            <strong>{n.what}.</strong> {n.detail}
          </li>
        ))}
      </ul>
    </section>
  )
}
