/**
 * addons-linter (web-ext lint) on the Firefox build. Fails on any error OR warning: the build is
 * expected to be clean, including vendor code (see scripts/build/preact-no-inner-html.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const SOURCE_DIR = 'dist/firefox';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
}

if (!existsSync(`${SOURCE_DIR}/manifest.json`)) {
  console.error(`lint:firefox: ${SOURCE_DIR}/manifest.json not found; run \`npm run build\` first`);
  process.exit(1);
}

const run = spawnSync('node_modules/.bin/web-ext', ['lint', '--source-dir', SOURCE_DIR, '--output', 'json', '--no-config-discovery'], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
let report: { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
try {
  report = JSON.parse(run.stdout) as typeof report;
} catch {
  console.error('lint:firefox: web-ext lint gave no JSON report');
  console.error(run.stdout, run.stderr);
  process.exit(1);
}

const where = (m: LintMessage) => (m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : '');
for (const [level, list] of [['error', report.errors], ['warning', report.warnings], ['notice', report.notices]] as const) {
  for (const m of list) console.log(`${level}: ${m.code}: ${m.message}${where(m)}`);
}
console.log(`web-ext lint ${SOURCE_DIR}: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`);
process.exit(report.errors.length + report.warnings.length > 0 ? 1 : 0);
