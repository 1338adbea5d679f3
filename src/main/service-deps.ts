/**
 * What every service factory receives: the outside world as parameters, so the services run the
 * same in Electron, in browser mode, in the CLI and in tests (ARCHITECTURE.md).
 */
import type { EventSink } from '../shared/contract'

/** Native pieces only Electron has; browser mode and the CLI leave them out. */
export interface DesktopServices {
  /** Native open dialog for a .wcsurvey file; null when cancelled. */
  pickOpenPath(): Promise<string | null>
  /** Native save dialog; null when cancelled. */
  pickSavePath(defaultName: string, filter: { name: string; extensions: string[] }): Promise<string | null>
  /** Renders a URL of the app's own report page to PDF (hidden window + printToPDF). */
  printToPdf?(url: string, paper: 'A4' | 'Letter'): Promise<Uint8Array>
}

export interface ServiceDeps {
  /** Pushes an event to every attached renderer (IPC window or SSE clients). */
  readonly emit: EventSink
  /** Per-user data folder; surveys live in `<dataDir>/surveys`. */
  readonly dataDir: string
  readonly platform: NodeJS.Platform
  readonly env: NodeJS.ProcessEnv
  readonly appVersion: string
  readonly mode: 'electron' | 'browser'
  /** The built renderer (out/renderer). */
  readonly rendererDir: string
  /** The shipped assets folder (sample survey, replay scans, icons). */
  readonly assetsDir: string
  readonly desktop: DesktopServices | null
}
