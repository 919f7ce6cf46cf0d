import { describe, expect, it } from 'vitest';
import { latestOnly } from './latest';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('latestOnly', () => {
  it('drops a reply that arrives after a newer request was sent', async () => {
    const pending = new Map<string, ReturnType<typeof deferred<string>>>();
    const shown: string[] = [];
    const client = latestOnly(
      (q: string) => {
        const d = deferred<string>();
        pending.set(q, d);
        return d.promise;
      },
      (reply) => shown.push(reply),
      () => shown.push('failed'),
    );
    client.request('a');
    client.request('b');
    pending.get('b')!.resolve('figures for b');
    await Promise.resolve();
    pending.get('a')!.resolve('figures for a');
    await new Promise((r) => setTimeout(r, 0));
    expect(shown).toEqual(['figures for b']);
  });

  it('reports failures of the newest request only, including a send that throws', async () => {
    const failures: unknown[] = [];
    let calls = 0;
    const client = latestOnly(
      () => {
        calls++;
        if (calls === 2) throw new Error('Extension context invalidated.');
        return Promise.reject(new Error('old'));
      },
      () => {},
      (e) => failures.push((e as Error).message),
    );
    client.request(1);
    client.request(2);
    await new Promise((r) => setTimeout(r, 0));
    expect(failures).toEqual(['Extension context invalidated.']);
  });

  it('drops every reply after cancel', async () => {
    const shown: string[] = [];
    const client = latestOnly(async (q: string) => q, (r) => shown.push(r), () => {});
    client.request('x');
    client.cancel();
    await new Promise((r) => setTimeout(r, 0));
    expect(shown).toEqual([]);
  });
});
