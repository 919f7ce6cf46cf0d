// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { Options } from './Options.tsx';
import { SETTINGS_KEY, SETTINGS_VERSION } from '../shared/settings.ts';
import { VENUES } from '../venues/registry.ts';
import { backgroundFor, typeInto, until } from '../../tests/background/page-harness.ts';

let root: HTMLElement;
const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector);
const input = (id: string) => root.querySelector<HTMLInputElement>(`input[id="${id}"]`)!;
const saveStatus = () => $('[data-role="save-status"]')!.getAttribute('data-status');

async function open(): Promise<void> {
  render(<Options send={backgroundFor().send} />, root);
  await until(() => $('form') !== null, 'the settings form');
}

async function save(): Promise<void> {
  $<HTMLFormElement>('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  await until(() => saveStatus() !== null, 'a save result');
}

beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '';
  root = document.body.appendChild(document.createElement('div'));
});

describe('options page', () => {
  it("shows the defaults: empty limits and each venue's published fees, with the tier they are for", async () => {
    await open();
    expect(input('limits.maxLoss').value).toBe('');
    expect(input('fees.binance-usdm.takerPct').value).toBe('0.05');
    for (const venue of VENUES) {
      expect(input(`fees.${venue.id}.takerPct`).value).toBe(venue.fees.takerPct);
      expect(input(`fees.${venue.id}.makerPct`).value).toBe(venue.fees.makerPct);
      expect($(`[data-venue="${venue.id}"]`)!.textContent).toContain(venue.fees.tier);
    }
    expect($('[data-role="notice"]')).toBeNull();
  });

  it('saves valid limits and fee', async () => {
    await open();
    await typeInto(input('limits.maxLoss'), '250');
    await typeInto(input('limits.maxLeverage'), '10');
    await typeInto(input('fees.binance-usdm.takerPct'), '0.04');
    await save();
    expect(saveStatus()).toBe('saved');
    const stored = (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Record<string, any>;
    expect(stored.limits).toMatchObject({ maxLoss: '250', maxLeverage: '10' });
    expect(stored.fees['binance-usdm']).toEqual({ takerPct: '0.04', makerPct: '0.02' });
  });

  it('invalid input: the field shows why, nothing is saved', async () => {
    await open();
    await typeInto(input('limits.maxLoss'), '250');
    await typeInto(input('limits.maxLeverage'), '2.5');
    await save();
    expect(saveStatus()).toBe('failed');
    expect($('[data-error-for="limits.maxLeverage"]')!.getAttribute('data-reason')).toBe('setting.range');
    expect($('[data-error-for="limits.maxLoss"]')).toBeNull();
    expect(input('limits.maxLeverage').getAttribute('aria-invalid')).toBe('true');
    expect(await fakeBrowser.storage.local.get(SETTINGS_KEY)).toEqual({});
  });

  it('keeps settings this version does not know through a save', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { version: SETTINGS_VERSION, futureFlag: 'on', limits: { futureLimit: '7' } } });
    await open();
    await typeInto(input('limits.maxLoss'), '250');
    await save();
    expect(saveStatus()).toBe('saved');
    const stored = (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Record<string, any>;
    expect(stored).toMatchObject({ futureFlag: 'on', limits: { futureLimit: '7', maxLoss: '250' } });
  });

  it('a corrupted store: the notice is shown until the user saves', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: '{not json' });
    await open();
    expect($('[data-role="notice"]')!.getAttribute('data-reason')).toBe('settings.reset');
    await save();
    expect(saveStatus()).toBe('saved');
    expect($('[data-role="notice"]')).toBeNull();
  });
});
