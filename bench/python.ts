import fs from 'node:fs'

/**
 * The Python that runs bench/floor.py and bench/naive_peer.py: PANELIST_PYTHON, else the system's,
 * where Debian's python3-fitz and python3-docx install (a user's own Python on PATH may lack them).
 */
export function pythonCommand(): string {
  if (process.env.PANELIST_PYTHON) return process.env.PANELIST_PYTHON
  return fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3'
}
