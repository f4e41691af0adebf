import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { pathInside } from '@core/data-folder/inside'

// Every file a row names (resumes, recordings, a teammate's copies) is opened through this check.
describe('pathInside', () => {
  const dataDir = path.resolve('/data/studio')

  it('resolves a path inside the folder', () => {
    expect(pathInside(dataDir, 'files', 'files/ab/abc.pdf')).toBe(path.join(dataDir, 'files', 'ab', 'abc.pdf'))
    expect(pathInside(dataDir, '', 'recordings/s1/turn-001.wav')).toBe(
      path.join(dataDir, 'recordings', 's1', 'turn-001.wav'),
    )
  })

  it('refuses the folder itself, a way out, an absolute path and a sibling that shares the prefix', () => {
    expect(pathInside(dataDir, 'files', 'files')).toBeNull()
    expect(pathInside(dataDir, 'files', 'files/../studio.sqlite')).toBeNull()
    expect(pathInside(dataDir, 'files', '../../etc/passwd')).toBeNull()
    expect(pathInside(dataDir, 'files', path.resolve('/etc/passwd'))).toBeNull()
    expect(pathInside(dataDir, 'files', 'files-x/a.pdf')).toBeNull()
    expect(pathInside(dataDir, 'recordings', 'files/ab/abc.pdf')).toBeNull()
    expect(pathInside(dataDir, '', '../studio-other/a.pdf')).toBeNull()
  })

  it('resolves a relative data folder the same way as an absolute one', () => {
    const relative = path.relative(process.cwd(), dataDir)
    expect(pathInside(relative, 'files', 'files/ab/abc.pdf')).toBe(path.join(dataDir, 'files', 'ab', 'abc.pdf'))
  })
})
