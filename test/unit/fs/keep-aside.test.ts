/** Keeping a file aside: renamed to a free sibling name, never over another file, never deleted. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { keepAside } from '../../../src/main/fs/keep-aside'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wc-aside-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const now = new Date('2026-12-02T15:22:33.456Z')

describe('keepAside', () => {
  it('renames to <stem>.<label>-YYYYMMDD-HHMMSS<ext> in the same folder', async () => {
    writeFileSync(join(dir, 'company.json'), 'broken')
    expect(await keepAside(join(dir, 'company.json'), 'damaged', { now })).toBe(join(dir, 'company.damaged-20261202-152233.json'))
    expect(readdirSync(dir)).toEqual(['company.damaged-20261202-152233.json'])
    expect(readFileSync(join(dir, 'company.damaged-20261202-152233.json'), 'utf8')).toBe('broken')
  })

  it('never replaces a file already kept aside at the same second: takes -2, then -3', async () => {
    writeFileSync(join(dir, 'company.damaged-20261202-152233.json'), 'first')
    writeFileSync(join(dir, 'company.damaged-20261202-152233-2.json'), 'second')
    writeFileSync(join(dir, 'company.json'), 'third')
    expect(await keepAside(join(dir, 'company.json'), 'damaged', { now })).toBe(join(dir, 'company.damaged-20261202-152233-3.json'))
    expect(readFileSync(join(dir, 'company.damaged-20261202-152233.json'), 'utf8')).toBe('first')
    expect(readFileSync(join(dir, 'company.damaged-20261202-152233-2.json'), 'utf8')).toBe('second')
    expect(readFileSync(join(dir, 'company.damaged-20261202-152233-3.json'), 'utf8')).toBe('third')
  })

  it('a name without an extension gets the label at its end', async () => {
    writeFileSync(join(dir, 'settings'), 'x')
    expect(await keepAside(join(dir, 'settings'), 'newer', { now })).toBe(join(dir, 'settings.newer-20261202-152233'))
  })

  it('a file that is gone: the error is thrown (ENOENT), nothing else touched', async () => {
    writeFileSync(join(dir, 'other.json'), 'keep')
    await expect(keepAside(join(dir, 'company.json'), 'damaged', { now })).rejects.toMatchObject({ code: 'ENOENT' })
    expect(readdirSync(dir)).toEqual(['other.json'])
  })
})
