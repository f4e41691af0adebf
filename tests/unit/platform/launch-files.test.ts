import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLaunchFiles, filesFromArgv } from '@main/platform/launch-files'

describe('files handed to the app on its command line', () => {
  it('keeps importable files as absolute paths and drops the executable, entry script and flags', () => {
    const argv = [
      '/opt/Panelist/panelist',
      'out/main/index.js',
      '--allow-file-access-from-files',
      '--inspect=9229',
      'resumes/ada.PDF',
      '/home/r/cv.docx',
      'notes.md',
      'resumes/ada.PDF',
      'setup.exe',
      '.',
    ]
    expect(filesFromArgv(argv, '/work')).toEqual([
      path.resolve('/work', 'resumes/ada.PDF'),
      path.resolve('/home/r/cv.docx'),
      path.resolve('/work', 'notes.md'),
    ])
  })

  it('holds files until someone listens, then delivers every batch', () => {
    const launch = createLaunchFiles()
    launch.push(['/a.pdf'])
    launch.push([])
    launch.push(['/b.txt'])
    const received: string[][] = []
    const off = launch.onOpenFiles((files) => received.push(files))
    launch.push(['/c.md'])
    off()
    launch.push(['/d.json'])
    expect(received).toEqual([['/a.pdf'], ['/b.txt'], ['/c.md']])
  })
})
