/**
 * Command-line calculator: `npm run --silent calc < vector.json`.
 * Reads one position in the golden-vector schema (tests/engine/golden-vectors.json, docs/engine.md),
 * or an array of them, and prints only JSON: the engine's result for each, or
 * { "error": { "field", "code", "message" } } in its place. One bad entry never affects the others.
 */
import { computeVector } from '../src/engine/vector';
import type { Reason } from '../src/contracts/reasons';
import { say } from '../src/ui/text/index';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const errorOf = (field: string, reason: Reason) => ({ error: { field, code: reason.code, message: say(reason) } });

/** Reasons become words here, the command line being a user interface of its own. */
function spoken(output: ReturnType<typeof computeVector>): unknown {
  if ('error' in output) return errorOf(output.error.field, output.error.reason);
  if (!output.unavailable) return output;
  const unavailable = Object.fromEntries(Object.entries(output.unavailable).map(([field, r]) => [field, say(r)]));
  return { ...output, unavailable };
}

function calculate(input: unknown): unknown {
  try {
    return spoken(computeVector(input));
  } catch (err) {
    // computeVector returns typed errors; this only guards the command line against an engine bug.
    return errorOf('vector', { code: 'input.unreadable', params: { detail: err instanceof Error ? err.message : String(err) } });
  }
}

const text = await readStdin();
let input: unknown;
try {
  input = JSON.parse(text);
} catch (err) {
  process.stdout.write(`${JSON.stringify(errorOf('input', { code: 'input.unreadable', params: { detail: (err as Error).message } }))}\n`);
  process.exit(1);
}
const output = Array.isArray(input) ? input.map(calculate) : calculate(input);
process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
