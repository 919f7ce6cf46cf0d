/**
 * Options page: risk limits, taker fee, pre-submit check. Saving goes through the background, which
 * validates again and either stores everything or nothing; its field errors are shown here.
 */
import { useEffect, useState } from 'preact/hooks';
import { isRouterError, UiToBg } from '../shared/protocol.ts';
import type { sendToBackground } from '../shared/messaging.ts';
import {
  DEFAULT_BINANCE_TAKER_FEE_PCT,
  LIMIT_KEYS,
  type LimitKey,
  type Settings,
  type SettingsFieldError,
} from '../shared/settings.ts';

export interface OptionsProps {
  send: typeof sendToBackground;
}

interface Draft {
  limits: Record<LimitKey, string>;
  takerFeePct: string;
  preSubmitCheck: boolean;
}

const LIMIT_LABELS: Record<LimitKey, { label: string; hint: string }> = {
  maxLoss: { label: 'Max worst-case loss (quote asset, e.g. USDT)', hint: 'Flag orders that can lose more than this.' },
  maxLossPct: { label: 'Max worst-case loss, % of account', hint: 'Of your margin balance.' },
  minLiquidationDistancePct: {
    label: 'Min distance to liquidation, %',
    hint: 'Flag orders whose liquidation price is closer to the mark price than this.',
  },
  maxLeverage: { label: 'Max leverage', hint: 'A whole number, e.g. 10.' },
};

function draftOf(settings: Settings): Draft {
  const limits = Object.fromEntries(LIMIT_KEYS.map((key) => [key, settings.limits[key] ?? ''])) as Record<LimitKey, string>;
  return { limits, takerFeePct: settings.fees.binance.takerFeePct, preSubmitCheck: settings.preSubmitCheck };
}

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'failed'; message: string };

export function Options({ send }: OptionsProps) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
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

  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  // Functional updates: several edits may land before the next render.
  const edit = (change: (d: Draft) => Partial<Draft>) => {
    setDraft((d) => d && { ...d, ...change(d) });
    setStatus({ kind: 'idle' });
  };

  async function save(event: Event) {
    event.preventDefault();
    if (draft === null) return;
    const answer = await send({
      type: UiToBg.settingsSet,
      patch: { limits: draft.limits, fees: { binance: { takerFeePct: draft.takerFeePct } }, preSubmitCheck: draft.preSubmitCheck },
    });
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
        <p class="notice" role="alert" data-role="notice">
          {notice}
        </p>
      ) : null}
      <form onSubmit={save} noValidate>
        <fieldset>
          <legend>Risk limits (leave empty for no limit)</legend>
          {LIMIT_KEYS.map((key) => (
            <TextField
              id={`limits.${key}`}
              label={LIMIT_LABELS[key].label}
              hint={LIMIT_LABELS[key].hint}
              value={draft.limits[key]}
              error={errorFor(`limits.${key}`)}
              onInput={(value) => edit((d) => ({ limits: { ...d.limits, [key]: value } }))}
            />
          ))}
        </fieldset>
        <fieldset>
          <legend>Fees</legend>
          <TextField
            id="fees.binance.takerFeePct"
            label="Binance USDⓈ-M taker fee, %"
            hint={`Default ${DEFAULT_BINANCE_TAKER_FEE_PCT}% is the regular (VIP 0) rate without BNB discount, an assumption: enter your own tier's rate.`}
            value={draft.takerFeePct}
            error={errorFor('fees.binance.takerFeePct')}
            onInput={(value) => edit(() => ({ takerFeePct: value }))}
          />
        </fieldset>
        <fieldset>
          <legend>Panel</legend>
          <label class="check">
            <input
              id="preSubmitCheck"
              type="checkbox"
              checked={draft.preSubmitCheck}
              onChange={(event) => {
                const checked = (event.currentTarget as HTMLInputElement).checked;
                edit(() => ({ preSubmitCheck: checked }));
              }}
            />
            Pre-submit check: warn in the panel when the order breaks one of your limits (off by default)
          </label>
        </fieldset>
        <button type="submit">Save</button>
        <span class={`save-status ${status.kind}`} data-role="save-status" role="status">
          {status.kind === 'saved' ? 'Saved.' : status.kind === 'failed' ? status.message : ''}
        </span>
      </form>
      <p class="privacy">
        Margin Lens makes no network requests and never needs API keys. Settings stay in this browser's extension
        storage.
      </p>
    </main>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  hint: string;
  value: string;
  error: string | undefined;
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
        <small class="error" data-error-for={id}>
          {error}
        </small>
      ) : null}
    </div>
  );
}
