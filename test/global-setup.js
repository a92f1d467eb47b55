// The CLI tests run the real `breachfeed` binary, which runs the compiled dist/: build it once.
// Type errors are the lint step's business; tsc still emits, so they only warn here.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function globalSetup() {
  const root = path.join(__dirname, '..');
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch {
    console.warn('\nglobal-setup: tsc reported errors (run npm run lint); dist/ was still emitted');
  }
};
