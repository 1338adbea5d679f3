/**
 * The survey library: every saved survey with its verdict, search and sort (surveys of one site
 * grouped, newest first, each with "Compare with previous"), a new-survey form,
 * Open… (native dialog, or a path field in browser mode), recent files, and for a newcomer the
 * sample survey.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import type { LibraryEntry } from '../../../shared/contract'
import { VerdictBadge } from '../components/badges'
import { EmptyState } from '../components/empty-state'
import { Name } from '../components/name'
import { Spinner } from '../components/spinner'
import { compareSurveysAt, createAndOpen, fileNameOf, openForReview, openSample, openTypedPath, pickAndOpen } from '../state/commands'
import { refreshLibrary, useLibrary } from '../state/library-store'
import { groupBySite } from '../../../shared/compare/site-groups'
import { formatDateTime } from '../../../shared/text/date-time'
import { libraryRows, nextSort, type LibrarySort, type LibrarySortKey } from '../state/selectors'
import { setUi, useUi } from '../state/ui-store'
import { NewSurveyForm } from './library/new-survey-form'

/** The folder part of a path, for the muted line under a recent file's name. */
function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  return cut > 0 ? path.slice(0, cut) : ''
}

const COLUMNS: readonly { readonly key: LibrarySortKey; readonly label: string; readonly numeric?: boolean }[] = [
  { key: 'siteName', label: 'Site' },
  { key: 'customer', label: 'Customer' },
  { key: 'targetSsid', label: 'Target network' },
  { key: 'updatedAt', label: 'Last changed' },
  { key: 'locationCount', label: 'Locations', numeric: true },
  { key: 'verdict', label: 'Verdict' }
]

function OpenByPath({ focusRequest }: { readonly focusRequest: number }) {
  const [path, setPath] = useState('')
  const [busy, setBusy] = useState(false)
  const input = useRef<HTMLInputElement | null>(null)
  useEffect(() => {
    if (focusRequest > 0) input.current?.focus()
  }, [focusRequest])
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    if (path.trim() === '') return
    setBusy(true)
    try {
      await openTypedPath(path.trim())
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="open-path" onSubmit={(e) => void submit(e)} aria-label="Open a survey file by path">
      <label htmlFor="open-path-input">Open a file</label>
      <div className="input-row">
        <input
          id="open-path-input"
          ref={input}
          type="text"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          placeholder="/path/to/site.wcsurvey"
          spellCheck={false}
        />
        <button type="submit" className="btn" disabled={busy || path.trim() === ''}>
          Open
        </button>
      </div>
    </form>
  )
}

function SortHeader({ column, sort, onSort }: { readonly column: (typeof COLUMNS)[number]; readonly sort: LibrarySort; readonly onSort: (key: LibrarySortKey) => void }) {
  const active = sort.key === column.key
  return (
    <th scope="col" aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'} className={column.numeric ? 'num' : undefined}>
      <button type="button" className={active ? 'sort active' : 'sort'} onClick={() => onSort(column.key)}>
        {column.label}
        <span className="sort-arrow" aria-hidden="true">
          {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  )
}

/** A row of the library; `previous` is the next older survey of the same site, if any. */
function SurveyRow({ row, previous, later }: { readonly row: LibraryEntry; readonly previous: LibraryEntry | null; readonly later: boolean }) {
  if (row.error !== null) {
    return (
      <tr className="row-error">
        <td colSpan={COLUMNS.length + 1}>
          <span className="file-name">{row.fileName}</span>
          <span className="row-error-text">{row.error}</span>
        </td>
      </tr>
    )
  }
  return (
    <tr className={later ? 'row-earlier' : undefined}>
      <td>
        <button type="button" className="link strong" onClick={() => void openForReview(row.handle, row.fileName)} title={row.path}>
          {later ? <span className="muted">↳ </span> : null}
          <Name text={row.siteName} fit="clamp" empty={row.fileName} />
        </button>
        {later ? <span className="muted small"> earlier survey, {formatDateTime(row.createdAt)}</span> : null}
      </td>
      <td>
        <Name text={row.customer} fit="clamp" />
      </td>
      <td className="ssid">
        <Name text={row.targetSsid} fit="clamp" empty="not set" />
      </td>
      <td className="nowrap">{formatDateTime(row.updatedAt)}</td>
      <td className="num">{row.locationCount}</td>
      <td>
        <VerdictBadge verdict={row.verdict} />
      </td>
      <td className="nowrap">
        {previous !== null ? (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void compareSurveysAt(previous.handle, row.handle)}
            title={`Compare with the survey of ${formatDateTime(previous.createdAt)} (${previous.fileName})`}
          >
            Compare with previous
          </button>
        ) : null}
      </td>
    </tr>
  )
}

/** The library page. */
export function LibraryPage() {
  const library = useLibrary()
  const ui = useUi()
  const [query, setQuery] = useState('')
  const [sort, setSort] = useState<LibrarySort>({ key: 'updatedAt', direction: 'desc' })
  const rows = useMemo(() => libraryRows(library.surveys, query, sort), [library.surveys, query, sort])
  // Surveys of one site stay together, newest first; the previous of each is the one below it.
  const groups = useMemo(() => groupBySite(rows), [rows])
  const native = library.info?.nativeDialogs === true

  useEffect(() => {
    void refreshLibrary()
  }, [])

  const formOpen = ui.newSurveyFormOpen
  const empty = !library.loading && library.surveys.length === 0 && library.error === null

  return (
    <div className="page library-page">
      <div className="page-header">
        <div>
          <h1>Survey library</h1>
          <p className="muted">
            {library.info ? <>Saved in <span className="path">{library.info.surveysFolder}</span></> : 'Saved surveys on this computer'}
          </p>
        </div>
        <div className="toolbar">
          {native ? (
            <button type="button" className="btn" onClick={() => void pickAndOpen()}>
              Open…
            </button>
          ) : null}
          <button type="button" className="btn btn-primary" onClick={() => setUi({ newSurveyFormOpen: true })} disabled={formOpen}>
            New survey
          </button>
        </div>
      </div>

      {formOpen ? (
        <NewSurveyForm
          onCreate={async (input) => {
            const ok = await createAndOpen(input)
            if (ok) setUi({ newSurveyFormOpen: false })
            return ok
          }}
          onCancel={() => setUi({ newSurveyFormOpen: false })}
        />
      ) : null}

      {library.error !== null ? <p className="inline-error" role="alert">{library.error}</p> : null}

      {empty && !formOpen ? (
        <EmptyState
          title="No surveys yet"
          actions={
            <>
              <button type="button" className="btn btn-primary" onClick={() => void openSample()}>
                Open the sample survey
              </button>
              <button type="button" className="btn" onClick={() => setUi({ newSurveyFormOpen: true })}>
                New survey
              </button>
            </>
          }
        >
          <p>
            A survey checks one site before Wall Connectors are installed: at each planned charger location you
            measure the Wi-Fi, the app judges it against the charger's network requirements, and the report tells the
            site manager what to change.
          </p>
          <p className="muted">
            The sample survey is a parking garage measured with real scans — open it to see verdicts, findings and the
            report without any Wi-Fi hardware.
          </p>
        </EmptyState>
      ) : null}

      {library.surveys.length > 0 ? (
        <section className="card table-card" aria-label="Saved surveys">
          <div className="table-tools">
            <input
              type="search"
              className="search"
              placeholder="Search site, customer, network…"
              aria-label="Search surveys"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            <span className="muted count">
              {rows.length === library.surveys.length ? `${rows.length} surveys` : `${rows.length} of ${library.surveys.length} surveys`}
            </span>
            {library.loading ? <Spinner label="Loading surveys" /> : null}
          </div>
          <table className="table">
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <SortHeader key={c.key} column={c} sort={sort} onSort={(key) => setSort(nextSort(sort, key))} />
                ))}
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.flatMap((g) => g.rows.map((row, i) => <SurveyRow key={row.path} row={row} previous={g.rows[i + 1] ?? null} later={i > 0} />))}
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={COLUMNS.length + 1} className="muted center">
                    No survey matches “{query}”.
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </section>
      ) : null}

      <div className="library-footer">
        {!native ? (
          <section className="card footer-card">
            <OpenByPath focusRequest={ui.openPathRequest} />
          </section>
        ) : null}
        {library.recent.length > 0 ? (
          <section className="card footer-card recent" aria-labelledby="recent-title">
            <h2 id="recent-title">Open recent</h2>
            <ul>
              {library.recent.slice(0, 6).map(({ handle, path }) => (
                <li key={handle}>
                  <button type="button" className="link" onClick={() => void openForReview(handle, fileNameOf(path))} title={path}>
                    {fileNameOf(path)}
                  </button>
                  <span className="path muted">{folderOf(path)}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {!empty && library.surveys.length > 0 ? (
          <section className="card footer-card sample">
            <h2>New here?</h2>
            <p className="muted">The sample survey shows verdicts, findings and the report without Wi-Fi hardware.</p>
            <button type="button" className="btn btn-small" onClick={() => void openSample()}>
              Open the sample survey
            </button>
          </section>
        ) : null}
      </div>
    </div>
  )
}
