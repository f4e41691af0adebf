import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { mountSmallDisk, smallDiskUnavailable } from '../../helpers/small-disk'

const unavailable = smallDiskUnavailable()

describe.skipIf(unavailable)(`a small disk for full-disk tests${unavailable ? ` [${unavailable}]` : ''}`, () => {
  it('fills to ENOSPC and takes writes again once freed', () => {
    const disk = mountSmallDisk(1024 * 1024)
    try {
      disk.fill()
      const file = path.join(disk.dir, 'answer.bin')
      expect(() => fs.writeFileSync(file, Buffer.alloc(4096))).toThrow(/ENOSPC/)
      disk.free()
      fs.writeFileSync(file, Buffer.alloc(4096))
      expect(fs.statSync(file).size).toBe(4096)
    } finally {
      disk.unmount()
    }
  })
})
