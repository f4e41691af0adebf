import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CoreStartFailed } from '@core/process/client'
import { reportStartFailure } from '@main/platform/start-failure'
import { tempDir } from '../../helpers/temp-studio'

describe('a failed start of the desktop app', () => {
  it('says the reason in words and keeps the details, secrets redacted, in the log folder', () => {
    const logsDir = path.join(tempDir('panelist-logs-'), 'logs')
    const error = new Error('boom while opening sk-live-SECRETKEY123456')
    const report = reportStartFailure(error, { logsDir, dataDir: '/data', secrets: ['sk-live-SECRETKEY123456'] })
    expect(report.logFile).toBe(path.join(logsDir, 'start-failure.log'))
    expect(report.message).toContain('Something unexpected stopped Panelist')
    expect(report.message).toContain(report.logFile!)
    const log = fs.readFileSync(report.logFile!, 'utf8')
    expect(log).toContain('boom while opening')
    expect(log).not.toContain('SECRETKEY123456')
    if (process.platform !== 'win32') expect(fs.statSync(report.logFile!).mode & 0o777).toBe(0o600)
    // A second failure is added, not written over.
    reportStartFailure(new CoreStartFailed('the database is locked'), { logsDir, dataDir: '/data', secrets: [] })
    expect(fs.readFileSync(report.logFile!, 'utf8').match(/Panelist failed to start/g)).toHaveLength(2)
  })

  it("gives the core's own reason and a full disk's in the recruiter's words", () => {
    const logsDir = tempDir('panelist-logs-')
    expect(
      reportStartFailure(new CoreStartFailed('the database is locked'), { logsDir, dataDir: '/d', secrets: [] })
        .message,
    ).toMatch(/^the database is locked/)
    const full = Object.assign(new Error('write failed'), { code: 'ENOSPC' })
    expect(reportStartFailure(full, { logsDir, dataDir: '/d', secrets: [] }).message).toContain('is full')
  })

  it('still explains itself when the log cannot be written', () => {
    const blocker = path.join(tempDir('panelist-logs-'), 'file')
    fs.writeFileSync(blocker, '')
    const report = reportStartFailure(new Error('x'), {
      logsDir: path.join(blocker, 'logs'),
      dataDir: '/d',
      secrets: [],
    })
    expect(report.logFile).toBeNull()
    expect(report.message).toContain('could not be written')
  })
})
