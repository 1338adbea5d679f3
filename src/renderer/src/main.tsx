// First: zod jitless for anything evaluated after it (see zod-config.ts).
import './zod-config'
import { createRoot } from 'react-dom/client'
import { App } from './app'
import { getApi } from './api'
import { installLeaveGuard } from './state/leave-guard'
import './styles/app.css'

/** True when the contract API is reachable (preload ran, or the browser client installed). */
function apiAvailable(): boolean {
  try {
    getApi()
    return true
  } catch {
    return false
  }
}

const root = document.getElementById('root')
installLeaveGuard(window)
if (root) {
  // Without the contract API (preload failed, or the page was opened outside the app) nothing can
  // work: say so instead of rendering a shell whose every button fails.
  createRoot(root).render(
    apiAvailable() ? (
      <App />
    ) : (
      <p className="fatal">
        The app API is not available. Start the app with “npm start”, or open the browser-mode URL that
        “npx wc-survey serve” prints (it carries the access token).
      </p>
    )
  )
}
