/** What a page that needs an open survey shows without one: the way to the library. */
import { EmptyState } from '../components/empty-state'
import { backToLibrary } from '../state/commands'

/** The "No survey open" page. */
export function NoSurveyPage() {
  return (
    <div className="page">
      <EmptyState
        title="No survey open"
        actions={
          <button type="button" className="btn btn-primary" onClick={() => void backToLibrary()}>
            Go to the library
          </button>
        }
      >
        <p>Open a saved survey or create a new one from the library.</p>
      </EmptyState>
    </div>
  )
}
