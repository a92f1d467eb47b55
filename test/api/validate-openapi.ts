import { execFile } from 'node:child_process';

// @apidevtools/swagger-parser loads an ES module that jest cannot require: it validates in a child Node.
const SCRIPT = `import('@apidevtools/swagger-parser').then(async ({ default: parser }) => {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  const api = await parser.validate(JSON.parse(text));
  process.stdout.write(api.openapi);
}).catch((err) => { process.stderr.write(String(err.message)); process.exit(1); });`;

/** Validates an OpenAPI description with @apidevtools/swagger-parser; resolves to its version, rejects with the validator's message. */
export function validateOpenApi(doc: unknown): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', SCRIPT], { cwd: __dirname }, (err, stdout, stderr) => {
      if (err) reject(new Error(`OpenAPI description invalid: ${stderr || err.message}`));
      else resolve(stdout);
    });
    child.stdin!.end(JSON.stringify(doc));
  });
}
