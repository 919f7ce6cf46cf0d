// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { Options } from './Options.tsx';
import { fieldsOf, NOT_ON_PAGE, optionsLayout } from './fields.ts';
import { EXPORT_FILE_NAME } from './transfer.ts';
import { DEFAULT_SETTINGS, SETTING_SPECS, SETTINGS_KEY, SETTINGS_VERSION, type SettingSpec } from '../shared/settings.ts';
import { VENUES } from '../venues/registry.ts';
import { backgroundFor, typeInto, until } from '../../tests/background/page-harness.ts';
import type { sendToBackground } from '../shared/messaging.ts';

let root: HTMLElement;
const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector);
const $$ = (selector: string) => [...root.querySelectorAll(selector)];
const input = (id: string) => root.querySelector<HTMLInputElement>(`[id="${id}"]`)!;
const saveStatus = () => $('[data-role="save-status"]')!.getAttribute('data-status');
const shownPaths = SETTING_SPECS.filter((spec) => !NOT_ON_PAGE.has(spec.path));
const storedSettings = async () => (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Record<string, any> | undefined;

async function open(send: typeof sendToBackground = backgroundFor().send): Promise<void> {
  render(<Options send={send} />, root);
  await until(() => $('form') !== null, 'the settings form');
}

async function save(): Promise<void> {
  $<HTMLFormElement>('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  await until(() => saveStatus() !== null, 'a save result');
}

async function click(element: HTMLInputElement): Promise<void> {
  element.click();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

async function choose(select: HTMLSelectElement, value: string): Promise<void> {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Chooses a file in the import input, as the browser's file picker would. */
async function importFile(text: string, name = 'settings.json'): Promise<void> {
  const picker = $<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(picker, 'files', { value: [new File([text], name, { type: 'application/json' })], configurable: true });
  picker.dispatchEvent(new Event('change', { bubbles: true }));
  await until(() => $('[data-role="import-result"]') !== null, 'an import result');
}

const importedPaths = (list: 'kept' | 'rejected') => $$(`[data-import="${list}"] li`).map((li) => li.getAttribute('data-key'));

beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '';
  delete document.documentElement.dataset.theme;
  root = document.body.appendChild(document.createElement('div'));
});

afterEach(() => {
  render(null, root);
  vi.restoreAllMocks();
});

describe('options page: fields', () => {
  it('has every setting of SETTING_SPECS as a labelled control named by its key path, and no other', async () => {
    await open();
    for (const spec of shownPaths) {
      const controls = root.querySelectorAll<HTMLInputElement | HTMLSelectElement>(`[name="${spec.path}"]`);
      if (spec.kind === 'choice' && spec.path === 'preSubmitCheck') {
        expect([...controls].map((c) => [c.type, c.value])).toEqual(spec.choices.map((value) => ['radio', value]));
      } else {
        expect(controls, spec.path).toHaveLength(1);
        const expected = spec.kind === 'boolean' ? 'checkbox' : spec.kind === 'choice' ? 'select-one' : 'text';
        expect(controls[0]!.type, spec.path).toBe(expected);
      }
      for (const control of controls) {
        const label = root.querySelector(`label[for="${control.id}"]`);
        expect(label?.textContent?.trim(), spec.path).toBeTruthy();
        expect(label!.textContent, `${spec.path} has words, not its key path`).not.toContain(spec.path);
      }
    }
    // Nothing else in the form, and every control on the page (the import file too) has a <label>.
    const formNames = $$('form input, form select').map((el) => el.getAttribute('name'));
    expect(new Set(formNames)).toEqual(new Set(shownPaths.map((spec) => spec.path)));
    for (const control of $$('input, select')) expect(root.querySelector(`label[for="${control.id}"]`), control.outerHTML).not.toBeNull();
    expect($('[name="panelCollapsed"]')).toBeNull();
  });

  it('is generated from the specs: a new setting appears without an edit to the page', () => {
    const extra: SettingSpec = { kind: 'boolean', path: 'someFutureSwitch', defaultValue: false };
    const layout = optionsLayout([...SETTING_SPECS, extra]);
    expect(new Set(fieldsOf(layout).map((f) => f.spec.path))).toEqual(new Set([...shownPaths.map((s) => s.path), extra.path]));
    expect(layout.general.at(-1)).toMatchObject({ spec: extra, control: 'checkbox', label: extra.path });
  });

  it('percent fields show "%" and say that 2 means 2 %; "% of the account" is the margin balance', async () => {
    await open();
    for (const spec of shownPaths.filter((s) => s.path.endsWith('Pct'))) {
      expect(input(`${spec.path}.unit`).textContent, spec.path).toBe('%');
      expect(input(spec.path).getAttribute('aria-describedby'), spec.path).toContain(`${spec.path}.unit`);
    }
    for (const path of ['limits.maxLossPct', 'limits.maxStopLossPct', 'limits.minLiquidationDistancePct', 'limits.minStopBufferPct']) {
      expect(input(`${path}.hint`).textContent).toContain('2 means 2 %');
    }
    for (const path of ['limits.maxLossPct', 'limits.maxStopLossPct']) expect(input(`${path}.hint`).textContent).toContain('margin balance (equity)');
  });

  it("shows the defaults: empty limits, each venue's published fees with their source and date, on, no rate override", async () => {
    await open();
    expect(input('limits.maxLoss').value).toBe('');
    expect(input('limits.stopLossRequired').checked).toBe(false);
    for (const venue of VENUES) {
      expect(input(`fees.${venue.id}.takerPct`).value).toBe(venue.fees.takerPct);
      expect(input(`fees.${venue.id}.makerPct`).value).toBe(venue.fees.makerPct);
      expect(input(`venues.${venue.id}.enabled`).checked).toBe(true);
      expect(input(`maintenance.${venue.id}.ratePct`).value).toBe('');
      const source = input(`${venue.id}.fee-source`);
      expect(source.textContent).toContain(venue.fees.tier);
      expect(source.textContent).toContain(venue.fees.asOf);
      expect(source.querySelectorAll('a').length).toBeGreaterThan(0);
      for (const link of source.querySelectorAll('a')) expect(venue.fees.source).toContain(link.getAttribute('href'));
      expect(input(`fees.${venue.id}.takerPct`).getAttribute('aria-describedby')).toContain(`${venue.id}.fee-source`);
      expect(input(`maintenance.${venue.id}.ratePct.hint`).textContent).toMatch(/^For symbols without a bundled tier table\. Empty = /);
    }
    expect(root.querySelector<HTMLInputElement>('[name="preSubmitCheck"][value="warn"]')!.checked).toBe(true);
    expect(root.querySelector<HTMLSelectElement>('select[name="theme"]')!.value).toBe('auto');
    expect(root.querySelector<HTMLSelectElement>('select[name="figureDecimals"]')!.value).toBe('auto');
    expect(input('fundingHoldHours').value).toBe('8');
    expect($('[data-role="notice"]')).toBeNull();
  });

  it('explains each pre-submit check in one line', async () => {
    await open();
    for (const value of ['off', 'warn', 'confirm']) {
      const radio = input(`preSubmitCheck.${value}`);
      expect(radio.getAttribute('aria-describedby')).toBe(`preSubmitCheck.${value}.explain`);
      expect(input(`preSubmitCheck.${value}.explain`).textContent).toMatch(/^[^\n]+\.$/);
    }
    expect(input('preSubmitCheck.confirm.explain').textContent).toContain('5 s');
    expect(input('preSubmitCheck.off').closest('fieldset')!.querySelector('legend')!.textContent).toBe('Pre-submit check');
  });
});

describe('options page: saving', () => {
  it('saves every kind of field through the background: text, checkbox, radio, select', async () => {
    await open();
    await typeInto(input('limits.maxLoss'), '250');
    await typeInto(input('limits.maxLeverage'), '10');
    await typeInto(input('limits.maxStopLossPct'), '2');
    await click(input('limits.stopLossRequired'));
    await typeInto(input('fees.binance-usdm.takerPct'), '0.04');
    await click(input('venues.bybit.enabled'));
    await typeInto(input('maintenance.okx.ratePct'), '0.8');
    await typeInto(input('fundingHoldHours'), '24');
    await click(input('preSubmitCheck.confirm'));
    await choose(root.querySelector<HTMLSelectElement>('select[name="theme"]')!, 'dark');
    await choose(root.querySelector<HTMLSelectElement>('select[name="figureDecimals"]')!, '4');
    await save();
    expect(saveStatus()).toBe('saved');
    const stored = await storedSettings();
    expect(stored).toMatchObject({
      version: SETTINGS_VERSION,
      limits: { maxLoss: '250', maxLeverage: '10', maxStopLossPct: '2', stopLossRequired: true, maxLossPct: null },
      fees: { 'binance-usdm': { takerPct: '0.04', makerPct: '0.02' } },
      venues: { bybit: { enabled: false }, 'binance-usdm': { enabled: true } },
      maintenance: { okx: { ratePct: '0.8' }, bybit: { ratePct: null } },
      fundingHoldHours: '24',
      preSubmitCheck: 'confirm',
      theme: 'dark',
      figureDecimals: '4',
    });
  });

  it('an empty text clears an optional limit', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...structuredClone(DEFAULT_SETTINGS), limits: { ...DEFAULT_SETTINGS.limits, maxLoss: '300' } } });
    await open();
    expect(input('limits.maxLoss').value).toBe('300');
    await typeInto(input('limits.maxLoss'), '');
    await save();
    expect(saveStatus()).toBe('saved');
    expect((await storedSettings())!.limits.maxLoss).toBeNull();
  });

  it('invalid input: each bad field says why next to it, the typed values stay, nothing is saved', async () => {
    await open();
    await typeInto(input('limits.maxLoss'), '250');
    await typeInto(input('limits.maxLeverage'), '2.5');
    await typeInto(input('limits.maxLossPct'), 'two');
    await typeInto(input('fees.okx.takerPct'), '');
    await save();
    expect(saveStatus()).toBe('failed');
    const errors = Object.fromEntries($$('[data-error-for]').map((el) => [el.getAttribute('data-error-for'), el.getAttribute('data-reason')]));
    expect(errors).toEqual({ 'limits.maxLeverage': 'setting.range', 'limits.maxLossPct': 'setting.notNumber', 'fees.okx.takerPct': 'setting.range' });
    for (const path of Object.keys(errors)) {
      const field = input(path);
      expect(field.getAttribute('aria-invalid'), path).toBe('true');
      expect(field.getAttribute('aria-describedby')!.split(' '), path).toContain(`${path}.error`);
      expect(input(`${path}.error`).getAttribute('data-error-for')).toBe(path);
      // next to its field: in the same row
      expect(input(`${path}.error`).closest('[data-setting]')!.getAttribute('data-setting')).toBe(path);
    }
    expect(input('limits.maxLoss').getAttribute('aria-invalid')).toBeNull();
    expect([input('limits.maxLoss').value, input('limits.maxLeverage').value, input('limits.maxLossPct').value]).toEqual(['250', '2.5', 'two']);
    expect(await storedSettings()).toBeUndefined();

    await typeInto(input('limits.maxLeverage'), '3');
    expect($('[data-error-for="limits.maxLeverage"]')).toBeNull();
    await typeInto(input('limits.maxLossPct'), '2');
    await typeInto(input('fees.okx.takerPct'), '0.05');
    await save();
    expect(saveStatus()).toBe('saved');
    expect($$('[data-error-for]')).toHaveLength(0);
    expect((await storedSettings())!.limits).toMatchObject({ maxLoss: '250', maxLeverage: '3', maxLossPct: '2' });
  });

  it('a background that does not answer: the save fails, said so, and the typed values stay', async () => {
    const { send } = backgroundFor();
    let reachable = true;
    const flaky = ((request: Parameters<typeof send>[0]) => (reachable ? send(request) : Promise.resolve({ error: 'could not reach the background: gone' }))) as typeof send;
    await open(flaky);
    reachable = false;
    await typeInto(input('limits.maxLoss'), '250');
    await save();
    expect(saveStatus()).toBe('failed');
    expect($('[data-role="save-status"]')!.textContent).toContain('could not reach the background: gone');
    expect(input('limits.maxLoss').value).toBe('250');
    expect(await storedSettings()).toBeUndefined();
  });

  it('keeps settings this version does not know through a save', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { version: SETTINGS_VERSION, futureFlag: 'on', limits: { futureLimit: '7' } } });
    await open();
    await typeInto(input('limits.maxLoss'), '250');
    await save();
    expect(saveStatus()).toBe('saved');
    expect(await storedSettings()).toMatchObject({ futureFlag: 'on', limits: { futureLimit: '7', maxLoss: '250' } });
  });

  it('never saves the panel flag read when the page opened (a toggle made since stays)', async () => {
    const background = backgroundFor();
    await open(background.send);
    await background.fromTab(5, { type: 'cs-bg-panel-set', venue: 'binance-usdm', collapsed: true });
    await typeInto(input('limits.maxLoss'), '250');
    await save();
    expect((await storedSettings())!.panelCollapsed).toBe(true);
  });

  it('a corrupted store: the notice is shown at the top until the user saves, the fields show the defaults', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: '{not json' });
    await open();
    const notice = $('[data-role="notice"]')!;
    expect(notice.getAttribute('data-reason')).toBe('settings.reset');
    expect(root.querySelector('main')!.firstElementChild!.nextElementSibling).toBe(notice); // right under the title
    expect(input('fees.binance-usdm.takerPct').value).toBe(VENUES[0].fees.takerPct);
    await save();
    expect(saveStatus()).toBe('saved');
    expect($('[data-role="notice"]')).toBeNull();
  });
});

describe('options page: theme', () => {
  it('applies the saved theme to itself; auto follows prefers-color-scheme', async () => {
    const dark = vi.spyOn(window, 'matchMedia').mockImplementation(
      (query: string) => ({ matches: query === '(prefers-color-scheme: dark)', media: query, addEventListener() {}, removeEventListener() {} }) as unknown as MediaQueryList,
    );
    await open();
    expect(document.documentElement.dataset.theme).toBe('dark');
    await choose(root.querySelector<HTMLSelectElement>('select[name="theme"]')!, 'light');
    await save();
    await until(() => document.documentElement.dataset.theme === 'light', 'the light theme after the save');
    dark.mockRestore();
  });
});

describe('options page: export and import', () => {
  /** The file the export hands to the browser: its name and its text. */
  async function exported(): Promise<{ name: string; text: string }> {
    let blob: Blob | null = null;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:margin-lens/export';
    });
    let name = '';
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      if (this.href === 'blob:margin-lens/export') name = this.download;
    });
    $<HTMLButtonElement>('[data-action="export"]')!.click();
    await until(() => name !== '', 'the download');
    return { name, text: await blob!.text() };
  }

  it('export downloads the settings exactly as stored, { version, …settings }', async () => {
    await open();
    await typeInto(input('limits.maxLoss'), '250');
    await click(input('preSubmitCheck.confirm'));
    await save();
    const file = await exported();
    expect(file.name).toBe(EXPORT_FILE_NAME);
    const parsed = JSON.parse(file.text) as Record<string, unknown>;
    expect(parsed).toEqual(await storedSettings());
    expect(Object.keys(parsed)[0]).toBe('version');
  });

  it('an exported file imports back to the same settings', async () => {
    await open();
    await typeInto(input('limits.maxLeverage'), '5');
    await typeInto(input('fees.bybit.makerPct'), '0.01');
    await save();
    const file = await exported();
    fakeBrowser.reset();
    render(null, root);
    await open();
    expect(input('limits.maxLeverage').value).toBe('');
    await importFile(file.text);
    expect($('[data-role="import-result"]')!.getAttribute('data-import-status')).toBe('saved');
    expect(importedPaths('rejected')).toEqual([]);
    expect(importedPaths('kept')).toEqual(shownPaths.map((spec) => spec.path));
    expect(await storedSettings()).toEqual(JSON.parse(file.text));
    expect(input('limits.maxLeverage').value).toBe('5');
    expect(input('fees.bybit.makerPct').value).toBe('0.01');
  });

  it('a partly bad file: lists what it kept and what it rejected with why, saves only the kept, shows them', async () => {
    await open();
    await typeInto(input('limits.maxLoss'), '99'); // an unsaved edit the import does not touch
    const file = {
      version: SETTINGS_VERSION,
      limits: { maxLeverage: '7', maxLossPct: '250', stopLossRequired: 'yes' },
      fees: { 'binance-usdm': { takerPct: '0.045' } },
      preSubmitCheck: 'sometimes',
      theme: 'light',
      panelCollapsed: true,
      notASetting: 1,
    };
    await importFile(JSON.stringify(file));
    expect($('[data-role="import-result"]')!.getAttribute('data-import-status')).toBe('saved');
    expect(importedPaths('kept')).toEqual(['limits.maxLeverage', 'fees.binance-usdm.takerPct', 'theme']);
    const rejected = $$('[data-import="rejected"] li').map((li) => [li.getAttribute('data-key'), li.getAttribute('data-reason')]);
    expect(rejected).toEqual([
      ['limits.maxLossPct', 'setting.range'],
      ['limits.stopLossRequired', 'setting.notBoolean'],
      ['preSubmitCheck', 'setting.notOneOf'],
    ]);
    for (const li of $$('[data-import="rejected"] li')) expect(li.textContent).toMatch(/: \S.*\.$/); // the reason sentence
    expect(await storedSettings()).toMatchObject({
      limits: { maxLeverage: '7', maxLossPct: null, stopLossRequired: false },
      fees: { 'binance-usdm': { takerPct: '0.045' } },
      preSubmitCheck: 'warn',
      theme: 'light',
      panelCollapsed: false,
    });
    expect(input('limits.maxLeverage').value).toBe('7');
    expect(input('fees.binance-usdm.takerPct').value).toBe('0.045');
    expect(root.querySelector<HTMLSelectElement>('select[name="theme"]')!.value).toBe('light');
    expect(input('limits.maxLoss').value).toBe('99');
  });

  it('a file that is not JSON: a clear message, nothing changes', async () => {
    await open();
    await typeInto(input('limits.maxLoss'), '99');
    await importFile('{"version": 3, "limits": ', 'broken.json');
    const result = $('[data-role="import-result"]')!;
    expect(result.getAttribute('data-import-status')).toBe('refused');
    expect(result.querySelector('[data-import="refused"]')!.getAttribute('data-reason')).toBe('settings.notJson');
    expect(result.textContent).toContain('broken.json');
    expect($('[data-import="kept"]')).toBeNull();
    expect(await storedSettings()).toBeUndefined();
    expect(input('limits.maxLoss').value).toBe('99');
  });

  it.each([
    ['not a settings object', '[1, 2]', 'settings.notObject'],
    ['without a version', '{"limits": {"maxLoss": "5"}}', 'settings.noVersion'],
    ['from a newer version', `{"version": ${SETTINGS_VERSION + 1}, "limits": {"maxLoss": "5"}}`, 'settings.newer'],
  ])('a file %s is refused as a whole: nothing is saved', async (_what, text, code) => {
    await open();
    await importFile(text);
    expect($('[data-import="refused"]')!.getAttribute('data-reason')).toBe(code);
    expect(await storedSettings()).toBeUndefined();
  });
});

describe('README', () => {
  it('documents every key path of the settings', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    const settingsSection = readme.slice(readme.indexOf('## Settings'), readme.indexOf('\n## ', readme.indexOf('## Settings') + 1));
    const venuePattern = new RegExp(`\\.(${VENUES.map((v) => v.id).join('|')})\\.`);
    for (const spec of SETTING_SPECS) {
      const documented = spec.path.replace(venuePattern, '.<venue id>.');
      expect(settingsSection, spec.path).toContain(`\`${documented}\``);
    }
  });
});
