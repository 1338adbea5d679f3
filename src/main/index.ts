/** Electron main process: app lifecycle only (placeholder until the foundation lands). */
import { app } from 'electron'

void app.whenReady().then(() => app.quit())
