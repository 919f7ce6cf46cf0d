/**
 * The options page's fields, generated from SETTING_SPECS (the one list of settings) and the venue
 * registry: the section each setting belongs to, its control, its label, hint and unit. A setting
 * added to the specs appears on the page without an edit here (labelled by its key path until it gets
 * words below; a test fails on such a label).
 */
import type { LimitKey } from '../contracts/evaluation.ts';
import { D } from '../shared/decimal.ts';
import { SETTING_SPECS, type SettingSpec } from '../shared/settings.ts';
import { limitLabel } from '../ui/text/index.ts';
import { VENUES, type VenueEntry } from '../venues/registry.ts';

export type Control = 'text' | 'checkbox' | 'radios' | 'select';

export interface ChoiceView {
  value: string;
  label: string;
  /** One line on what the choice does (radio groups). */
  explain?: string;
}

export interface FieldView {
  spec: SettingSpec;
  control: Control;
  label: string;
  hint: string;
  /** Shown after the input ('%', '×', 'hours'). */
  unit?: string;
  choices?: ChoiceView[];
}

export interface VenueSection {
  venue: VenueEntry;
  fields: FieldView[];
}

export interface Layout {
  limits: FieldView[];
  venues: VenueSection[];
  general: FieldView[];
}

/**
 * Settings the page does not show: the panel's collapsed state is the panel's own toggle (saving a
 * value read when the page opened would undo a toggle made since).
 */
export const NOT_ON_PAGE: ReadonlySet<string> = new Set(['panelCollapsed']);

const PERCENT_RULE = 'In percent: 2 means 2 %.';
const OF_ACCOUNT = 'Of the account: the margin balance (equity) the exchange page shows.';

const LIMIT_HINTS: Record<LimitKey, string> = {
  maxLeverage: 'The highest leverage you allow yourself, a whole number (10 means 10×).',
  maxLoss: 'The most one order may lose at worst (liquidation, fee to open included), in the quote asset of the contract (USDT for BTCUSDT).',
  maxLossPct: `The worst-case loss as % of the account. ${OF_ACCOUNT} ${PERCENT_RULE}`,
  maxStopLossPct: `The loss if the stop-loss is hit, as % of the account (the 1–2 % rule). ${OF_ACCOUNT} ${PERCENT_RULE}`,
  minLiquidationDistancePct: `How far the liquidation price must stay from the mark price, in % of the mark. ${PERCENT_RULE}`,
  stopLossRequired: 'An order without a stop-loss fails this limit.',
  minStopBufferPct: `How far beyond the stop-loss the liquidation price must lie, in % of the mark. ${PERCENT_RULE}`,
  maxCrossExposure: 'All cross notional, this order included, divided by the cross equity (3 means 3×).',
};

const LIMIT_UNITS: Partial<Record<LimitKey, string>> = { maxLeverage: '×', maxLoss: 'quote asset', maxCrossExposure: '×' };

const GENERAL: Record<string, { label: string; hint: string; unit?: string }> = {
  fundingHoldHours: {
    label: 'Funding hold time',
    hint: 'How long you expect to hold a position, in hours: the carry counts the funding payments in that time at the rate the page shows.',
    unit: 'hours',
  },
  preSubmitCheck: { label: 'Pre-submit check', hint: "What happens when you click the exchange's submit button and one of your limits fails." },
  theme: { label: 'Theme', hint: 'For the panel, the pop-up and this page.' },
  figureDecimals: { label: 'Figure decimals', hint: 'How many decimals the figures show.' },
};

const CHOICES: Record<string, Record<string, { label: string; explain?: string }>> = {
  preSubmitCheck: {
    off: { label: 'Off', explain: 'Nothing happens on a click; the panel still shows each limit.' },
    warn: { label: 'Warn', explain: "A failing limit turns the panel's header red with the reason; no click is stopped." },
    confirm: {
      label: 'Confirm',
      explain: 'A click that would break a limit is held back once, with what fails; click again within 5 s to submit anyway.',
    },
  },
  theme: { auto: { label: 'Auto (as the system: light or dark)' }, dark: { label: 'Dark' }, light: { label: 'Light' } },
  figureDecimals: { auto: { label: 'Auto (prices by their size, amounts to 2 places)' } },
};

/** Choice groups shown as radios (each option explained); the others are a select. */
const RADIOS: ReadonlySet<string> = new Set(['preSubmitCheck']);

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const percentOf = (rate: string) => new D(rate).times(100).toFixed();

function venueText(venue: VenueEntry, field: string): { label: string; hint: string; unit?: string } | undefined {
  switch (field) {
    case 'fees.makerPct':
      return { label: 'Maker fee', hint: 'For orders that rest on the book. The figures count the taker fee to open and to close (the costlier case).' };
    case 'fees.takerPct':
      return { label: 'Taker fee', hint: 'Used for the fee to open and to close in every figure.' };
    case 'venues.enabled':
      return { label: `Run Margin Lens on ${venue.name} pages`, hint: 'Off: no panel and no check on its pages.' };
    case 'maintenance.ratePct': {
      const tables = venue.tierTables.length > 0 ? `the bundled tier table where there is one (${venue.tierTables.join(', ')}), otherwise ` : '';
      return {
        label: 'Maintenance rate override',
        hint: `For symbols without a bundled tier table. Empty = ${tables}the assumed ${percentOf(venue.assumedMaintenance.rate)} % (${venue.assumedMaintenance.source}).`,
      };
    }
    default:
      return undefined;
  }
}

function controlOf(spec: SettingSpec): Control {
  if (spec.kind === 'boolean') return 'checkbox';
  if (spec.kind === 'choice') return RADIOS.has(spec.path) ? 'radios' : 'select';
  return 'text';
}

function field(spec: SettingSpec, text: { label: string; hint: string; unit?: string } | undefined): FieldView {
  const view: FieldView = { spec, control: controlOf(spec), label: text?.label ?? spec.path, hint: text?.hint ?? '' };
  // Key paths ending in "Pct" hold percentages (settings.ts): typed as percent, shown with "%".
  const unit = text?.unit ?? (spec.path.endsWith('Pct') ? '%' : undefined);
  if (unit !== undefined) view.unit = unit;
  if (spec.kind === 'choice') {
    view.choices = spec.choices.map((value) => ({ value, label: value, ...CHOICES[spec.path]?.[value] }));
  }
  return view;
}

/** The venue a per-venue key path (`<group>.<venue id>.<field>`) is for, and the path without it. */
function venueScope(path: string): { venue: VenueEntry; field: string } | null {
  const [group, id, name, ...rest] = path.split('.');
  const venue = VENUES.find((v) => v.id === id);
  return venue && group && name && rest.length === 0 ? { venue, field: `${group}.${name}` } : null;
}

export function optionsLayout(specs: readonly SettingSpec[] = SETTING_SPECS): Layout {
  const layout: Layout = { limits: [], venues: VENUES.map((venue) => ({ venue, fields: [] })), general: [] };
  for (const spec of specs) {
    if (NOT_ON_PAGE.has(spec.path)) continue;
    const [group, key] = spec.path.split('.');
    if (group === 'limits' && key) {
      const limit = key as LimitKey;
      const unit = LIMIT_UNITS[limit];
      layout.limits.push(field(spec, { label: capitalised(limitLabel(limit)), hint: LIMIT_HINTS[limit] ?? '', ...(unit ? { unit } : {}) }));
      continue;
    }
    const scope = venueScope(spec.path);
    if (scope) {
      layout.venues.find((section) => section.venue === scope.venue)?.fields.push(field(spec, venueText(scope.venue, scope.field)));
      continue;
    }
    layout.general.push(field(spec, GENERAL[spec.path]));
  }
  // On/off first in each venue's group: the fees and the rate matter only when it is on.
  for (const section of layout.venues) section.fields.sort((a, b) => Number(b.control === 'checkbox') - Number(a.control === 'checkbox'));
  return layout;
}

/** Every setting the page shows, in page order. */
export function fieldsOf(layout: Layout): FieldView[] {
  return [...layout.limits, ...layout.venues.flatMap((section) => section.fields), ...layout.general];
}
