// Prints "N passed, N failed" from vitest's JSON report and fails on anything that did not run:
// a suite that could not load, or a test skipped without saying why in its name. `--run-failed`
// says the test command itself failed.
import fs from 'node:fs'

const file = process.argv[2]
if (!fs.existsSync(file)) {
  console.log('0 passed, 1 failed')
  console.error(`no test report at ${file}: the test run did not finish`)
  process.exit(1)
}
const report = JSON.parse(fs.readFileSync(file, 'utf8'))
let passed = 0
let failed = 0
let skipped = 0
const problems = []
for (const suite of report.testResults) {
  if (suite.status === 'failed' && suite.assertionResults.length === 0) {
    failed++
    problems.push(`${suite.name}: ${suite.message || 'failed to load'}`)
  }
  for (const test of suite.assertionResults) {
    if (test.status === 'passed') passed++
    else if (test.status === 'failed') failed++
    else {
      skipped++
      // Only tests that need hardware or binaries this machine cannot have may skip, and they say so.
      if (!/\[needs [^\]]+\]/.test(test.fullName)) {
        failed++
        problems.push(`skipped without a stated reason: ${test.fullName}`)
      }
    }
  }
}
// The test command failed while every test passed: an error outside the tests (an unhandled
// rejection, an 'error' event nobody listened to), which vitest's report does not record.
if (process.argv.includes('--run-failed') && failed === 0) {
  failed = 1
  problems.push('the test run failed outside any test (its unhandled errors are printed above)')
}
if (passed + failed === 0) {
  failed = 1
  problems.push('no test ran')
}
for (const problem of problems) console.error(problem)
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed ? 1 : 0)
