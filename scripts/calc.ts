/**
 * Command-line calculator: `npm run --silent calc < scenario.json`.
 * Reads one scenario object, or an array of them, in the schema of shared/reference/golden-vectors.md
 * and prints only JSON: the engine's result per scenario, or { "error": { "field", "message" } } in its place.
 */
import { computeScenario } from '../src/engine/scenario-result';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function calculate(input: unknown): unknown {
  try {
    return computeScenario(input);
  } catch (err) {
    // computeScenario returns typed errors; this only guards the command line against an engine bug.
    return { error: { field: 'scenario', message: `internal error: ${err instanceof Error ? err.message : String(err)}` } };
  }
}

const text = await readStdin();
let input: unknown;
try {
  input = JSON.parse(text);
} catch (err) {
  process.stdout.write(`${JSON.stringify({ error: { field: 'input', message: `standard input is not JSON: ${(err as Error).message}` } })}\n`);
  process.exit(1);
}
const output = Array.isArray(input) ? input.map(calculate) : calculate(input);
process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
