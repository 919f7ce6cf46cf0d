// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { Options } from './Options.tsx';
import { SETTINGS_KEY } from '../shared/settings.ts';
import { backgroundFor, typeInto, until } from '../../tests/background/page-harness.ts';

let root: HTMLElement;
const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector);
const input = (id: string) => root.querySelector<HTMLInputElement>(`input[id="${id}"]`)!;
const saveStatus = () => $('[data-role="save-status"]')!.textContent;

async function open(): Promise<void> {
  render(<Options send={backgroundFor().send} />, root);
  await until(() => $('form') !== null, 'the settings form');
}

async function save(): Promise<void> {
  $<HTMLFormElement>('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  await until(() => saveStatus() !== '', 'a save result');
}

beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '';
  root = document.body.appendChild(document.createElement('div'));
});

describe('options page', () => {
  it('shows the defaults: empty limits and the assumed 0.05% taker fee', async () => {
    await open();
    expect(input('limits.maxLoss').value).toBe('');
    expect(input('fees.binance.takerFeePct').value).toBe('0.05');
    expect(root.textContent).toContain('VIP 0');
    expect($('[data-role="notice"]')).toBeNull();
  });

  it('saves valid limits and fee', async () => {
    await open();
    await typeInto(input('limits.maxLoss'), '250');
    await typeInto(input('limits.maxLeverage'), '10');
    await typeInto(input('fees.binance.takerFeePct'), '0.04');
    await save();
    expect(saveStatus()).toBe('Saved.');
    const stored = (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Record<string, any>;
    expect(stored.limits).toMatchObject({ maxLoss: '250', maxLeverage: '10' });
    expect(stored.fees.binance.takerFeePct).toBe('0.04');
  });

  it('invalid input: the field shows why, nothing is saved', async () => {
    await open();
    await typeInto(input('limits.maxLoss'), '250');
    await typeInto(input('limits.maxLeverage'), '2.5');
    await save();
    expect(saveStatus()).toMatch(/Nothing was saved/);
    expect($('[data-error-for="limits.maxLeverage"]')!.textContent).toMatch(/whole number/);
    expect(input('limits.maxLeverage').getAttribute('aria-invalid')).toBe('true');
    expect(await fakeBrowser.storage.local.get(SETTINGS_KEY)).toEqual({});
  });

  it('a corrupted store: the notice is shown until the user saves', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: '{not json' });
    await open();
    expect($('[data-role="notice"]')!.textContent).toMatch(/could not be read/);
    await save();
    expect(saveStatus()).toBe('Saved.');
    expect($('[data-role="notice"]')).toBeNull();
  });
});
