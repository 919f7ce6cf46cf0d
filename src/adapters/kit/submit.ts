/**
 * The Open/Close tabs and the submit area of a form with one button per side (src/adapters/README.md):
 * the tabs say the position mode and action, the buttons the login state, and the submit labels must be
 * the pair of the mode the tabs say, or neither mode nor action is read.
 */
import type { Field, PositionMode } from '../../contracts/snapshot';
import { reason } from '../../contracts/reasons';
import type { SubmitControls } from '../adapter';
import { exactlyOne, textOf } from './dom';
import { ambiguous, missing, passOn, readField } from './fields';
import { notFound } from './values';

/** Each pair is [buy button, sell button]. */
export interface SubmitLabels {
  open: string;
  close: string;
  oneWayButtons: readonly [string, string];
  hedgeOpenButtons: readonly [string, string];
  hedgeCloseButtons: readonly [string, string];
  loggedOutButtons: readonly string[];
}

export interface ModeReading {
  positionMode: Field<PositionMode>;
  action: Field<'open' | 'close'>;
  loggedIn: Field<boolean>;
  /** The buttons of each side in the mode read (none unless the pair is consistent). */
  submit: SubmitControls;
}

export type Modes = Pick<ModeReading, 'positionMode' | 'action'>;

/** No Open/Close tabs: one-way, opening; otherwise hedge, and the selected tab's text says the action. */
export function readOpenClose(tabs: readonly Element[], labels: Pick<SubmitLabels, 'open' | 'close'>): Modes {
  if (tabs.length === 0) return { positionMode: readField('oneWay'), action: readField('open') };
  const selected = exactlyOne(tabs.filter((t) => t.getAttribute('aria-selected') === 'true'));
  const text = selected.kind === 'one' ? textOf(selected.item) : '';
  let action: Field<'open' | 'close'>;
  if (text === labels.open) action = readField('open', text);
  else if (text === labels.close) action = readField('close', text);
  else action = ambiguous(reason('page.openCloseUnknown'), text || undefined);
  return { positionMode: readField('hedge'), action };
}

/** How a venue's submit pair is checked and which button is which side's (each adapter's README: Submit buttons). */
export interface SubmitRule {
  /** The pair must stand buy first in document order (else in any order). */
  inOrder: boolean;
  /** In the hedge Close tab the long side is the sell button (the one closing the long), else the buy button. */
  closeLongBySell: boolean;
}

/** The login state from the form's buttons, then the submit pair checked against the mode. */
export function readSubmit(buttonEls: readonly Element[], labels: SubmitLabels, modes: Modes, rule: SubmitRule): ModeReading {
  let { positionMode, action } = modes;
  const submitTexts = new Set([...labels.oneWayButtons, ...labels.hedgeOpenButtons, ...labels.hedgeCloseButtons]);
  const loggedOutTexts = new Set(labels.loggedOutButtons);
  const buttons = buttonEls.map((el) => ({ el, text: textOf(el) }));
  const submits = buttons.filter((b) => submitTexts.has(b.text)).map((b) => b.text);
  const logins = buttons.filter((b) => loggedOutTexts.has(b.text)).map((b) => b.text);
  let loggedIn: Field<boolean>;
  if (submits.length > 0 && logins.length === 0) loggedIn = readField(true, submits.join(' / '));
  else if (logins.length > 0 && submits.length === 0) loggedIn = readField(false, logins.join(' / '));
  else if (submits.length === 0) loggedIn = notFound('orderButtons');
  else loggedIn = ambiguous(reason('page.orderAndLoginButtons', { buttons: [...submits, ...logins].join(' / ') }));

  let submit: SubmitControls = { long: [], short: [] };
  if (loggedIn.status === 'read' && loggedIn.value === true && action.status === 'read' && positionMode.status === 'read') {
    const [buy, sell] =
      positionMode.value === 'oneWay' ? labels.oneWayButtons : action.value === 'open' ? labels.hedgeOpenButtons : labels.hedgeCloseButtons;
    const consistent = submits.length === 2 && (rule.inOrder ? submits[0] === buy && submits[1] === sell : submits.includes(buy) && submits.includes(sell));
    if (!consistent) {
      const why = reason('page.orderButtonsMismatch', { buttons: submits.join(' / ') });
      positionMode = ambiguous(why);
      action = ambiguous(why);
    } else {
      const of = (text: string) => buttons.filter((b) => b.text === text).map((b) => b.el);
      const swapped = rule.closeLongBySell && positionMode.value === 'hedge' && action.value === 'close';
      submit = swapped ? { long: of(sell), short: of(buy) } : { long: of(buy), short: of(sell) };
    }
  }
  return { positionMode, action, loggedIn, submit };
}

/**
 * Reduce-only on a form whose one-way reduce-only box is not among the hooks read (that adapter's README):
 * the hedge form has none, an order there closes through the Close tab, so it reads false; one-way it is
 * not read (the confirm step then judges only orders that open or add: README, Pre-submit check).
 */
export function reduceOnlyInHedgeOnly(positionMode: Field<PositionMode>): Field<boolean> {
  if (positionMode.status !== 'read') return passOn(positionMode);
  return positionMode.value === 'hedge' ? readField(false) : missing(reason('page.notRead', { item: 'reduceOnly' }));
}
