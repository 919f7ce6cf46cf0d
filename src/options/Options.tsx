/**
 * Options page: risk limits, fees per venue (one row per registry entry), the pre-submit check.
 * Every input is named by its settings key path. Saving goes through the background, which validates
 * again and either stores everything or nothing; its field errors are shown next to the fields.
 */
import { useEffect, useState } from 'preact/hooks';
import { isRouterError, UiToBg } from '../contracts/messages.ts';
import type { Reason } from '../contracts/reasons.ts';
import type { sendToBackground } from '../shared/messaging.ts';
import { SETTING_SPECS, settingAt, type Settings, type SettingsFieldError, type SettingValue } from '../shared/settings.ts';
import { say } from '../ui/text/index.ts';
import { VENUES } from '../venues/registry.ts';

export interface OptionsProps {
  send: typeof sendToBackground;
}

/** What the inputs hold: every setting by key path, as typed. */
type Draft = Record<string, SettingValue>;

const LIMIT_LABELS: Record<string, { label: string; hint: string }> = {
  'limits.maxLoss': { label: 'Max worst-case loss, in the quote asset', hint: 'Flag orders that can lose more than this.' },
  'limits.maxLossPct': { label: 'Max worst-case loss, % of account', hint: 'Of your margin balance.' },
  'limits.minLiquidationDistancePct': {
    label: 'Min distance to liquidation, %',
    hint: 'Flag orders whose liquidation price is closer to the mark price than this.',
  },
  'limits.maxLeverage': { label: 'Max leverage', hint: 'A whole number, e.g. 10.' },
};

function draftOf(settings: Settings): Draft {
  return Object.fromEntries(SETTING_SPECS.map((spec) => [spec.path, settingAt(settings, spec.path) ?? '']));
}

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'failed'; message: string };

export function Options({ send }: OptionsProps) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notice, setNotice] = useState<Reason | null>(null);
  const [errors, setErrors] = useState<SettingsFieldError[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    void send({ type: UiToBg.settingsGet }).then((answer) => {
      if (isRouterError(answer)) return setStatus({ kind: 'failed', message: answer.error });
      setDraft(draftOf(answer.settings));
      setNotice(answer.notice);
    });
  }, [send]);

  if (draft === null) {
    return (
      <main class="options">
        <h1>Margin Lens options</h1>
        {status.kind === 'failed' ? <p class="error">Could not load settings: {status.message}</p> : <p>Loading…</p>}
      </main>
    );
  }

  const errorFor = (field: string) => errors.find((e) => e.field === field)?.reason;
  // Functional updates: several edits may land before the next render.
  const edit = (path: string, value: SettingValue) => {
    setDraft((d) => d && { ...d, [path]: value });
    setStatus({ kind: 'idle' });
  };
  const text = (path: string) => String(draft[path] ?? '');

  async function save(event: Event) {
    event.preventDefault();
    if (draft === null) return;
    const patch = Object.fromEntries(SETTING_SPECS.filter((spec) => spec.path !== 'panelCollapsed').map((spec) => [spec.path, draft[spec.path] ?? null]));
    const answer = await send({ type: UiToBg.settingsSet, patch });
    if (isRouterError(answer)) return setStatus({ kind: 'failed', message: answer.error });
    if ('invalid' in answer) {
      setErrors(answer.invalid);
      return setStatus({ kind: 'failed', message: 'Nothing was saved: fix the fields marked below.' });
    }
    setErrors([]);
    setDraft(draftOf(answer.settings));
    setNotice(answer.notice);
    setStatus({ kind: 'saved' });
  }

  return (
    <main class="options">
      <h1>Margin Lens options</h1>
      {notice ? (
        <p class="notice" role="alert" data-role="notice" data-reason={notice.code}>
          {say(notice)}
        </p>
      ) : null}
      <form onSubmit={save} noValidate>
        <fieldset>
          <legend>Risk limits (leave empty for no limit)</legend>
          {Object.entries(LIMIT_LABELS).map(([path, { label, hint }]) => (
            <TextField id={path} label={label} hint={hint} value={text(path)} error={errorFor(path)} onInput={(value) => edit(path, value)} />
          ))}
        </fieldset>
        <fieldset>
          <legend>Fees, % of notional</legend>
          {VENUES.map((venue) => (
            <div class="venue" data-venue={venue.id}>
              <h2>{venue.name}</h2>
              <p class="hint">
                Default: maker {venue.fees.makerPct}%, taker {venue.fees.takerPct}%, the {venue.fees.tier} rate (an assumption until
                you enter your own). Source: {venue.fees.source}, read {venue.fees.asOf}.
              </p>
              {(['makerPct', 'takerPct'] as const).map((fee) => {
                const path = `fees.${venue.id}.${fee}`;
                return (
                  <TextField
                    id={path}
                    label={`${venue.name} ${fee === 'makerPct' ? 'maker' : 'taker'} fee, %`}
                    hint={fee === 'takerPct' ? 'Used for the fees to open and to close in every figure.' : 'For limit orders that rest on the book.'}
                    value={text(path)}
                    error={errorFor(path)}
                    onInput={(value) => edit(path, value)}
                  />
                );
              })}
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>Panel</legend>
          <label class="check">
            <input
              id="preSubmitCheck"
              name="preSubmitCheck"
              type="checkbox"
              checked={draft.preSubmitCheck === true}
              onChange={(event) => edit('preSubmitCheck', (event.currentTarget as HTMLInputElement).checked)}
            />
            Pre-submit check: warn in the panel when the order breaks one of your limits (off by default)
          </label>
        </fieldset>
        <button type="submit" data-action="save">
          Save
        </button>
        <span class={`save-status ${status.kind}`} data-role="save-status" data-status={status.kind === 'idle' ? undefined : status.kind} role="status">
          {status.kind === 'saved' ? 'Saved.' : status.kind === 'failed' ? status.message : ''}
        </span>
      </form>
      <p class="privacy">
        Margin Lens makes no network requests and never needs API keys. Settings stay in this browser's extension storage.
      </p>
    </main>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  hint: string;
  value: string;
  error: Reason | undefined;
  onInput(value: string): void;
}

function TextField({ id, label, hint, value, error, onInput }: TextFieldProps) {
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{label}</label>
      <input
        id={id}
        name={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={`${id}.hint`}
        onInput={(event) => onInput((event.currentTarget as HTMLInputElement).value)}
      />
      <small id={`${id}.hint`}>{hint}</small>
      {error ? (
        <small class="error" data-error-for={id} data-reason={error.code}>
          {say(error)}
        </small>
      ) : null}
    </div>
  );
}
