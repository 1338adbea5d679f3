/**
 * The app shell: sidebar navigation, a header naming the open survey and its save status,
 * banners, and the current page. Menu commands (`app:command`) arrive here.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { getApi } from './api'
import { Banner } from './components/banner'
import { ChangedOnDiskDialog } from './components/changed-on-disk-dialog'
import { ComparePage } from './pages/compare-page'
import { CompliancePage } from './pages/compliance-page'
import { ConnectivityPage } from './pages/connectivity-page'
import { HandoutPage } from './pages/handout-page'
import { ChargersPage } from './pages/chargers-page'
import { Name } from './components/name'
import { LibraryPage } from './pages/library-page'
import { LivePage } from './pages/live-page'
import { MapPage } from './pages/map-page'
import { ReportPage } from './pages/report-page'
import { SettingsPage } from './pages/settings-page'
import { SurveyPage } from './pages/survey-page'
import { closeAndShowLibrary, fileNameOf, handleAppCommand, rememberSession, restoreSession, resurveyThisSite, saveAs } from './state/commands'
import { refreshLibrary, useLibrary } from './state/library-store'
import { navigate, PAGES, usePage, type PageId } from './state/nav-store'
import { dismissNotice, useNotices } from './state/notice-store'
import { saveLabel } from './state/selectors'
import { enableEditing, retrySave, useSurveyState } from './state/survey-store'
import { setUi, useUi } from './state/ui-store'

function Page({ page }: { readonly page: PageId }) {
  switch (page) {
    case 'library':
      return <LibraryPage />
    case 'survey':
      return <SurveyPage />
    case 'map':
      return <MapPage />
    case 'live':
      return <LivePage />
    case 'compliance':
      return <CompliancePage />
    case 'compare':
      return <ComparePage />
    case 'connectivity':
      return <ConnectivityPage />
    case 'handout':
      return <HandoutPage />
    case 'chargers':
      return <ChargersPage />
    case 'report':
      return <ReportPage />
    case 'settings':
      return <SettingsPage />
  }
}

function Sidebar({ page, hasSurvey }: { readonly page: PageId; readonly hasSurvey: boolean }) {
  const library = useLibrary()
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        {/* The app icon (public/favicon.svg is a copy of assets/build/icon.svg). */}
        <img className="brand-mark" src="./favicon.svg" alt="" width={28} height={28} />
        <span className="brand-text">
          WC Site Survey
          <span className="brand-sub">Wall Connector network check</span>
        </span>
      </div>
      <ul className="nav">
        {PAGES.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className={p.id === page ? 'nav-item active' : 'nav-item'}
              aria-current={p.id === page ? 'page' : undefined}
              disabled={p.needsSurvey && !hasSurvey}
              title={p.needsSurvey && !hasSurvey ? 'Open a survey first' : undefined}
              onClick={() => navigate(p.id)}
            >
              <span className={`nav-icon icon-${p.id}`} aria-hidden="true" />
              {p.label}
            </button>
          </li>
        ))}
      </ul>
      {library.info ? (
        <div className="sidebar-foot">
          <span>Scanner: {library.info.scanner}</span>
          <span>
            v{library.info.version} · {library.info.mode === 'browser' ? 'browser mode' : 'desktop'}
          </span>
        </div>
      ) : null}
    </nav>
  )
}

/** A free-looking name for the copy: "Site.wcsurvey" → "Site copy.wcsurvey". */
function copyName(path: string | null): string {
  if (path === null) return ''
  return fileNameOf(path).replace(/(\.wcsurvey)?$/i, ' copy.wcsurvey')
}

/** Browser mode's Save As: a file name in the surveys folder (main refuses anything else). */
function SaveAsDialog() {
  const { path } = useSurveyState()
  const folder = useLibrary().info?.surveysFolder
  const [target, setTarget] = useState(copyName(path))
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    if (target.trim() === '') return
    if (await saveAs(target.trim())) setUi({ saveAsOpen: false })
  }
  return (
    <form className="card save-as" aria-label="Save a copy" onSubmit={(e) => void submit(e)}>
      <label htmlFor="save-as-path">
        Save a copy as (file name{folder === undefined ? '' : <> in <span className="path">{folder}</span></>})
      </label>
      <div className="input-row">
        <input id="save-as-path" type="text" value={target} spellCheck={false} autoFocus onChange={(e) => setTarget(e.target.value)} />
        <button type="submit" className="btn btn-primary">
          Save
        </button>
        <button type="button" className="btn btn-ghost" onClick={() => setUi({ saveAsOpen: false })}>
          Cancel
        </button>
      </div>
    </form>
  )
}

function Header() {
  const { survey, path, readOnly, writable, save } = useSurveyState()
  const library = useLibrary()
  if (survey === null) return null
  const label = saveLabel(save, readOnly)
  const openSaveAs = (): void => (library.info?.nativeDialogs ? void saveAs() : setUi({ saveAsOpen: true }))
  return (
    <header className="topbar">
      <div className="topbar-title">
        <Name text={survey.site.name} fit="line" focusable empty="Untitled site" className="site-name" />
        <span className="topbar-meta">
          <span className="meta-label">Network</span>
          <Name text={survey.targetSsid} fit="line" empty="not set" className="ssid" />
          {path ? (
            <span className="path" title={path}>
              {fileNameOf(path)}
            </span>
          ) : null}
        </span>
      </div>
      <div className="topbar-actions">
        {readOnly ? (
          <>
            <span className="mode-pill">Review mode</span>
            {writable ? (
              <button type="button" className="btn btn-primary btn-small" onClick={enableEditing}>
                Edit survey
              </button>
            ) : (
              <button type="button" className="btn btn-primary btn-small" onClick={openSaveAs} title="This file is outside the surveys folder: edit a copy saved there">
                Save a copy to edit
              </button>
            )}
          </>
        ) : null}
        {readOnly && save.state === 'idle' ? null : (
          <span className={`save-status save-${label.tone}`} role="status" aria-live="polite">
            {label.text}
          </span>
        )}
        <button
          type="button"
          className="btn btn-ghost btn-small"
          onClick={() => void resurveyThisSite()}
          title="A new survey of this site with the same locations and no measurements, linked to this one (which is not changed)"
        >
          Re-survey this site
        </button>
        <button type="button" className="btn btn-ghost btn-small" onClick={openSaveAs}>
          Save as…
        </button>
        <button type="button" className="btn btn-ghost btn-small" onClick={() => void closeAndShowLibrary()}>
          Close
        </button>
      </div>
    </header>
  )
}

function Banners({ page }: { readonly page: PageId }) {
  const { survey, path, readOnly, writable, save } = useSurveyState()
  const notices = useNotices()
  const ui = useUi()
  return (
    <div className="banners">
      {survey !== null && readOnly && page === 'survey' ? (
        <Banner tone="info" title="Review mode — this survey is read-only">
          {writable ? (
            <p>Nothing can change by accident. Choose Edit survey (top right) to change details or measure; edits then save automatically.</p>
          ) : (
            <p>
              This file is outside the surveys folder, and browser mode saves only there. Choose Save a copy to edit (top right): the copy goes into the surveys
              folder and opens for editing; this file stays as it is.
            </p>
          )}
        </Banner>
      ) : null}
      {save.state === 'error' ? (
        <Banner
          tone="error"
          title={`Could not save ${path ? fileNameOf(path) : 'the survey'}`}
          actions={
            <button type="button" className="btn btn-small" onClick={() => void retrySave()}>
              Retry
            </button>
          }
        >
          <p>{save.message}</p>
          <p className="muted">Your changes are kept in this window and saved on the next change or Retry.</p>
        </Banner>
      ) : null}
      {save.state === 'conflict' ? <ChangedOnDiskDialog /> : null}
      {ui.saveAsOpen && survey !== null ? <SaveAsDialog /> : null}
      {notices.map((n) => (
        <Banner key={n.id} tone={n.tone} title={n.title} help={n.help} onDismiss={() => dismissNotice(n.id)}>
          <p>{n.message}</p>
        </Banner>
      ))}
    </div>
  )
}

/** The whole app. */
export function App() {
  const page = usePage()
  const { survey } = useSurveyState()

  const main = useRef<HTMLElement>(null)
  // A page opens at its top (issue 16 item 3): the content scroller is shared by every page, and
  // Live scan used to open wherever the survey page had been scrolled to.
  useEffect(() => {
    if (main.current) main.current.scrollTop = 0
  }, [page])

  useEffect(() => {
    void refreshLibrary()
    void restoreSession()
    const forget = rememberSession()
    const off = getApi().on('app:command', (command) => void handleAppCommand(command))
    return () => {
      forget()
      off()
    }
  }, [])

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Sidebar page={page} hasSurvey={survey !== null} />
      <div className="workspace">
        <Header />
        <main className="content" id="main" tabIndex={-1} ref={main}>
          <Banners page={page} />
          <Page page={page} />
        </main>
      </div>
    </div>
  )
}
