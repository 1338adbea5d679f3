/**
 * Takes the Connectivity page screenshot (browser mode) after a partly blocked run in the lab:
 * `wc-survey serve` and Chromium both run inside the client namespace. Root only; needs a build.
 * Usage: npx tsx test/lab/connectivity-screenshot.ts [out.png]
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Lab, labUnavailable } from './lab-network'

const out = resolve(process.argv[2] ?? 'connectivity.png')
const why = labUnavailable()
if (why) {
  process.stdout.write(`cannot take the screenshot: ${why}\n`)
  process.exit(0)
}
const lab = await Lab.start()
const data = mkdtempSync(join(tmpdir(), 'wc-shot-'))
const serve = spawn('ip', ['netns', 'exec', lab.ns.client, process.execPath, resolve('bin/wc-survey.js'), 'serve'], {
  env: { ...process.env, NODE_EXTRA_CA_CERTS: lab.caFile, WC_SURVEY_DATA_DIR: data },
  stdio: ['ignore', 'pipe', 'inherit']
})
try {
  await lab.setScenario('partly-blocked')
  const url = await new Promise<string>((ok, fail) => {
    let text = ''
    serve.stdout.on('data', (c: Buffer) => {
      text += c.toString()
      const m = /(http:\/\/127\.0\.0\.1:\d+\S*)/.exec(text)
      if (m?.[1]) ok(m[1])
    })
    serve.on('exit', (code) => fail(new Error(`serve exited ${code}`)))
  })
  const shot = await lab.exec([process.execPath, resolve(import.meta.dirname, 'connectivity-shot.mjs'), url, out])
  process.stdout.write(shot.stdout + shot.stderr)
} finally {
  serve.kill('SIGTERM')
  await lab.close()
  rmSync(data, { recursive: true, force: true })
}
