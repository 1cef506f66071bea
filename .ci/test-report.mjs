// Reads vitest JSON reports for .ci/run.
//   node .ci/test-report.mjs unfinished REPORT LIST  -> the test files of LIST (vitest list --json) that REPORT has
//                                                       no result for (their worker process died), one a line
//   node .ci/test-report.mjs summary REPORT...       -> "tests: N passed, N failed, N skipped" over the reports,
//                                                       a file's last report counting
import { readFileSync } from 'node:fs';

const read = (file) => JSON.parse(readFileSync(file, 'utf8'));
const [command, ...files] = process.argv.slice(2);

if (command === 'unfinished') {
  const [report, list] = files;
  const done = new Set(read(report).testResults.map((result) => result.name));
  const all = [...new Set(read(list).map((entry) => entry.file))];
  for (const file of all) if (!done.has(file)) console.log(file);
} else if (command === 'summary') {
  const byFile = new Map();
  for (const report of files) for (const result of read(report).testResults) byFile.set(result.name, result);
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const result of byFile.values()) {
    for (const assertion of result.assertionResults) {
      if (assertion.status === 'passed') counts.passed += 1;
      else if (assertion.status === 'failed') counts.failed += 1;
      else counts.skipped += 1;
    }
  }
  console.log(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
} else {
  console.error('usage: test-report.mjs unfinished REPORT LIST | summary REPORT...');
  process.exit(2);
}
