/**
 * IT handout page: the firewall allowlist the chargers need (NET-DNS, NET-NTP, NET-HTTP, NET-TLS,
 * NET-DOMAINS) with what the open survey saw fail, the wildcard note, what the drivers' network
 * needs (SITE-PHONE), and the files IT can paste — table, CSV, JSON, nftables, dnsmasq — each to
 * copy or to save. Saving goes through main, which picks the destination (save dialog, or the
 * exports folder in browser mode) and generates the text itself.
 */
import { useMemo, useRef, useState } from 'react'
import type { Api, ExportOutcome } from '../../../shared/contract'
import type { Survey } from '../../../shared/model/survey'
import { buildAllowlist, failedRules } from '../../../shared/requirements/allowlist'
import { driversNetworkNeeds } from '../../../shared/handout/drivers-network'
import { renderHandout, surveyStatus, wildcardExplanation } from '../../../shared/handout/formats'
import { DEFAULT_CHARGERS_INTERFACE, FORMAT_FILES, HANDOUT_FORMATS, interfaceNameProblem, type HandoutFormat } from '../../../shared/handout/names'
import { getApi } from '../api'
import { Banner } from '../components/banner'
import { FailureList, RulesTable } from '../handout/handout-parts'
import { useSurveyState } from '../state/survey-store'
import '../handout/handout.css'

export interface HandoutPageProps {
  /** The API getter; the app's by default (tests pass a fake; keep it stable across renders). */
  readonly api?: () => Api
  /** The survey whose failures lead; the open survey by default (null: the profile's list alone). */
  readonly survey?: Survey | null
}

/** What the page says after Copy or Save. */
type Notice = { readonly tone: 'success' | 'info' | 'error'; readonly title: string; readonly text: string }

const FORMAT_HINT: Readonly<Record<HandoutFormat, string>> = {
  table: 'For any firewall: read it, or print it.',
  csv: 'For any firewall or a ticket: one row per rule.',
  json: 'For scripts and firewall managers.',
  nftables: "Linux / OpenWrt: default-deny for the chargers' interface, with address sets that dnsmasq fills (load the dnsmasq lines too).",
  dnsmasq: 'The nftset= lines that fill the nftables sets from DNS answers: wildcards included (dnsmasq 2.87+; OpenWrt: dnsmasq-full).'
}

/** The IT handout page. */
export function HandoutPage(props: HandoutPageProps) {
  const api = props.api ?? getApi
  const open = useSurveyState().survey
  const survey = props.survey === undefined ? open : props.survey
  const list = useMemo(() => buildAllowlist(survey), [survey])
  const failed = failedRules(list)
  const [format, setFormat] = useState<HandoutFormat>('nftables')
  const [iface, setIface] = useState(DEFAULT_CHARGERS_INTERFACE)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<Notice | null>(null)
  const code = useRef<HTMLPreElement>(null)
  const ifaceProblem = interfaceNameProblem(iface)
  const text = useMemo(() => (ifaceProblem === null ? renderHandout(list, format, { chargersInterface: iface }) : ''), [list, format, iface, ifaceProblem])

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text)
      setNotice({ tone: 'success', title: 'Copied', text: `The ${FORMAT_FILES[format].label} text is on the clipboard.` })
    } catch {
      // The clipboard can be refused (no permission, no focus): select the text for Ctrl+C instead.
      const node = code.current
      const selection = window.getSelection()
      if (node !== null && selection !== null) selection.selectAllChildren(node)
      setNotice({ tone: 'info', title: 'Copy it by hand', text: 'The clipboard is not available here: the text is selected, press Ctrl+C (⌘C on a Mac).' })
    }
  }

  const save = async (): Promise<void> => {
    setBusy(true)
    setNotice(null)
    let outcome: ExportOutcome
    try {
      outcome = await api().request('handout:save', { survey, format, chargersInterface: iface })
    } catch (error) {
      outcome = { ok: false, reason: 'failed', message: `The app did not answer: ${error instanceof Error ? error.message : String(error)}` }
    } finally {
      setBusy(false)
    }
    if (outcome.ok) setNotice({ tone: 'success', title: `${FORMAT_FILES[format].label} file saved`, text: outcome.path })
    else setNotice({ tone: outcome.reason === 'cancelled' ? 'info' : 'error', title: outcome.reason === 'cancelled' ? 'Not saved' : 'Could not save', text: outcome.message })
  }

  return (
    <section className="page handout-page" aria-labelledby="handout-title">
      <header className="page-header">
        <div>
          <h1 id="handout-title">IT handout</h1>
          <p>The firewall rules the chargers need, ready for the site&apos;s IT to paste — with what this survey saw fail.</p>
        </div>
      </header>

      <div className="card handout-summary">
        <div className="card-header">
          <strong>{survey === null ? 'No survey open' : 'What this survey saw'}</strong>
          <p className="muted">
            {surveyStatus(list)} Rules from profile {list.profile.id} {list.profile.version}.
          </p>
        </div>
        {failed.length > 0 && (
          <>
            <FailureList rules={failed} className="handout-failures" />
            <h2 className="handout-h2">Rules to add</h2>
            <RulesTable rules={failed} label="Rules to add" showSeen={false} />
          </>
        )}
        <details className="handout-all" open={failed.length === 0}>
          <summary>The whole allowlist ({list.rules.length} rules)</summary>
          <RulesTable rules={list.rules} label="The whole allowlist" showSeen={list.probeRuns > 0} />
        </details>
        <p className="handout-wildcards">
          <strong>Wildcards need DNS.</strong> {wildcardExplanation()}
        </p>
      </div>

      <div className="card handout-files">
        <div className="handout-files-bar">
          <div role="tablist" aria-label="File format" className="handout-tabs">
            {HANDOUT_FORMATS.map((f) => (
              <button
                key={f}
                type="button"
                role="tab"
                id={`handout-tab-${f}`}
                aria-selected={format === f}
                aria-controls="handout-panel"
                className={format === f ? 'handout-tab active' : 'handout-tab'}
                onClick={() => {
                  setFormat(f)
                  setNotice(null)
                }}
              >
                {FORMAT_FILES[f].label}
              </button>
            ))}
          </div>
          {format === 'nftables' && (
            <label className="handout-iface">
              <span>Chargers&apos; interface</span>
              <input
                type="text"
                value={iface}
                spellCheck={false}
                maxLength={15}
                aria-invalid={ifaceProblem !== null}
                aria-describedby="handout-iface-hint"
                onChange={(e) => setIface(e.target.value.trim())}
              />
            </label>
          )}
          <span className="handout-actions">
            <button type="button" className="btn" onClick={() => void copy()} disabled={text === ''}>
              Copy
            </button>
            <button type="button" className="btn btn-primary" onClick={() => void save()} disabled={busy || text === ''}>
              {busy ? 'Saving…' : `Save ${FORMAT_FILES[format].ext}`}
            </button>
          </span>
        </div>
        <p id="handout-iface-hint" className={ifaceProblem === null ? 'muted small handout-hint' : 'inline-error handout-hint'}>
          {ifaceProblem ?? FORMAT_HINT[format]}
        </p>
        {notice !== null && (
          <Banner tone={notice.tone} title={notice.title} onDismiss={() => setNotice(null)}>
            <span className={notice.tone === 'success' && notice.title.endsWith('saved') ? 'path' : undefined}>{notice.text}</span>
          </Banner>
        )}
        <pre id="handout-panel" role="tabpanel" aria-labelledby={`handout-tab-${format}`} className="handout-code" ref={code} tabIndex={0}>
          {text}
        </pre>
      </div>

      <div className="card handout-drivers">
        <div className="card-header">
          <strong>The drivers&apos; network (SITE-PHONE)</strong>
        </div>
        <ul>
          {driversNetworkNeeds().map((n) => (
            <li key={n.what}>
              <strong>{n.what}.</strong> {n.detail}
            </li>
          ))}
        </ul>
      </div>
    </section>
  )
}
