/**
 * The options page (the manifest's options_ui): every setting of SETTING_SPECS as a field (fields.ts),
 * each input named by its key path. Saving goes through the background, which validates again and
 * stores everything or nothing; its field errors are shown next to the fields and the typed values
 * stay. Open exchange tabs pick a save up themselves. Export and import of the settings as JSON.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { isRouterError, UiToBg, type RouterError } from '../contracts/messages.ts';
import { reason, type Reason } from '../contracts/reasons.ts';
import type { sendToBackground } from '../shared/messaging.ts';
import { settingAt, type ImportReport, type Settings, type SettingsPatch } from '../shared/settings.ts';
import { say } from '../ui/text/index.ts';
import type { VenueEntry } from '../venues/registry.ts';
import { fieldsOf, optionsLayout, type FieldView } from './fields.ts';
import { usePageTheme } from './theme.ts';
import { downloadText, EXPORT_FILE_NAME, exportText, readImport } from './transfer.ts';

export interface OptionsProps {
  send: typeof sendToBackground;
}

const LAYOUT = optionsLayout();
const FIELDS = fieldsOf(LAYOUT);

/** What the inputs hold, by key path: text as typed ('' = empty), checkboxes as booleans. */
type Draft = Record<string, string | boolean>;

function draftOf(settings: Settings, fields: readonly FieldView[] = FIELDS): Draft {
  return Object.fromEntries(fields.map(({ spec }) => [spec.path, settingAt(settings, spec.path) ?? '']));
}

/** The draft as a settings patch: every field on the page, an empty text clearing an optional number. */
function patchOf(draft: Draft): SettingsPatch {
  return Object.fromEntries(FIELDS.map(({ spec }) => [spec.path, draft[spec.path] === '' ? null : (draft[spec.path] ?? null)]));
}

const refused = (answer: RouterError): Reason => reason('background.refused', { detail: answer.error });

type SaveStatus = { kind: 'idle' } | { kind: 'saved' } | { kind: 'failed'; invalid: number } | { kind: 'unreachable'; why: Reason };

type ImportOutcome =
  | { kind: 'refused'; fileName: string; problem: Reason }
  | { kind: 'checked'; fileName: string; report: ImportReport; saved: 'saved' | 'nothing' | 'failed'; why?: Reason };

export function Options({ send }: OptionsProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadProblem, setLoadProblem] = useState<Reason | null>(null);
  const [draft, setDraft] = useState<Draft>({});
  const [notice, setNotice] = useState<Reason | null>(null);
  const [errors, setErrors] = useState<Record<string, Reason>>({});
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [imported, setImported] = useState<ImportOutcome | null>(null);
  const [exportProblem, setExportProblem] = useState<Reason | null>(null);
  usePageTheme(settings?.theme ?? 'auto');

  useEffect(() => {
    void send({ type: UiToBg.settingsGet }).then((answer) => {
      if (isRouterError(answer)) return setLoadProblem(refused(answer));
      setSettings(answer.settings);
      setDraft(draftOf(answer.settings));
      setNotice(answer.notice);
    });
  }, [send]);

  if (settings === null) {
    return (
      <main class="options">
        <h1>Margin Lens options</h1>
        {loadProblem ? (
          <p class="error" role="alert" data-reason={loadProblem.code}>
            Could not load the settings: {say(loadProblem)}
          </p>
        ) : (
          <p>Loading…</p>
        )}
      </main>
    );
  }

  /** A save succeeded: these settings are stored; `paths` of the draft take their stored values. */
  const stored = (next: Settings, nextNotice: Reason | null, paths: readonly string[]) => {
    setSettings(next);
    setNotice(nextNotice);
    const fresh = draftOf(next);
    setDraft((d) => ({ ...d, ...Object.fromEntries(paths.map((path) => [path, fresh[path] ?? ''])) }));
  };

  // Functional updates: several edits may land before the next render.
  const edit = (path: string, value: string | boolean) => {
    setDraft((d) => ({ ...d, [path]: value }));
    setErrors((e) => {
      if (!(path in e)) return e;
      const rest = { ...e };
      delete rest[path];
      return rest;
    });
    setStatus({ kind: 'idle' });
  };

  async function save(event: Event) {
    event.preventDefault();
    const answer = await send({ type: UiToBg.settingsSet, patch: patchOf(draft) });
    if (isRouterError(answer)) return setStatus({ kind: 'unreachable', why: refused(answer) });
    if ('invalid' in answer) {
      setErrors(Object.fromEntries(answer.invalid.map((e) => [e.field, e.reason])));
      return setStatus({ kind: 'failed', invalid: answer.invalid.length });
    }
    setErrors({});
    stored(answer.settings, answer.notice, FIELDS.map((f) => f.spec.path));
    setStatus({ kind: 'saved' });
  }

  async function exportSettings() {
    // The stored settings as the background holds them now (not the unsaved edits on the page).
    const answer = await send({ type: UiToBg.settingsGet });
    if (isRouterError(answer)) return setExportProblem(refused(answer));
    setExportProblem(null);
    downloadText(document, EXPORT_FILE_NAME, exportText(answer.settings));
  }

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    input.value = ''; // the same file can be chosen again
    const report = readImport(await file.text());
    if ('problem' in report) return setImported({ kind: 'refused', fileName: file.name, problem: report.problem });
    if (report.kept.length === 0) return setImported({ kind: 'checked', fileName: file.name, report, saved: 'nothing' });
    const answer = await send({ type: UiToBg.settingsSet, patch: report.patch });
    if (isRouterError(answer)) return setImported({ kind: 'checked', fileName: file.name, report, saved: 'failed', why: refused(answer) });
    if ('invalid' in answer) {
      setErrors(Object.fromEntries(answer.invalid.map((e) => [e.field, e.reason])));
      return setImported({ kind: 'checked', fileName: file.name, report, saved: 'failed' });
    }
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([path]) => !report.kept.includes(path))));
    stored(answer.settings, answer.notice, report.kept);
    setImported({ kind: 'checked', fileName: file.name, report, saved: 'saved' });
  }

  const row = (view: FieldView, describedBy: string[] = []) => (
    <FieldRow key={view.spec.path} view={view} value={draft[view.spec.path] ?? ''} error={errors[view.spec.path]} describedBy={describedBy} onEdit={edit} />
  );

  return (
    <main class="options">
      <h1>Margin Lens options</h1>
      {notice ? (
        <p class="notice" role="alert" data-role="notice" data-reason={notice.code}>
          {say(notice)}
        </p>
      ) : null}
      <p class="intro">A save reaches the open exchange tabs at once, without a reload.</p>
      <form onSubmit={save} noValidate>
        <Section title="Your risk limits">
          <p class="hint">
            Each is optional: leave it empty (or unticked) for no limit. The panel checks every limit you set, for both sides
            and both margin modes.
          </p>
          {LAYOUT.limits.map((view) => row(view))}
        </Section>
        <Section title="Venues">
          <p class="hint">Fees are in percent of the notional: 0.05 means 0.05 %.</p>
          {LAYOUT.venues.map(({ venue, fields }) => (
            <fieldset class="venue" data-venue={venue.id}>
              <legend>
                <h3>{venue.name}</h3>
              </legend>
              <DefaultFees venue={venue} />
              {fields.map((view) => row(view, view.spec.path.startsWith('fees.') ? [`${venue.id}.fee-source`] : []))}
            </fieldset>
          ))}
        </Section>
        <Section title="Panel and figures">
          {LAYOUT.general.map((view) => row(view))}
        </Section>
        <div class="actions">
          <button type="submit" data-action="save">
            Save
          </button>
          <p class={`save-status ${status.kind}`} data-role="save-status" data-status={statusAttribute(status)} role="status">
            <StatusText status={status} />
          </p>
        </div>
      </form>
      <section class="transfer" aria-labelledby="transfer-title">
        <h2 id="transfer-title">Export and import</h2>
        <p class="hint">
          Export downloads the saved settings as <code>{EXPORT_FILE_NAME}</code>. Import checks a file field by field, saves
          the values that are valid and lists the ones it rejected, with why.
        </p>
        <div class="transfer-actions">
          <button type="button" data-action="export" onClick={() => void exportSettings()}>
            Export settings
          </button>
          <label for="import-file" class="file-label">
            Import settings from a file
          </label>
          <input id="import-file" type="file" accept=".json,application/json" data-action="import" onChange={(event) => void importFile(event.currentTarget)} />
        </div>
        {exportProblem ? (
          <p class="error" role="alert" data-role="export-problem" data-reason={exportProblem.code}>
            Not exported: {say(exportProblem)}
          </p>
        ) : null}
        {imported ? <ImportResult outcome={imported} /> : null}
      </section>
      <p class="privacy">Margin Lens makes no network requests and never needs API keys. Settings stay in this browser's extension storage.</p>
    </main>
  );
}

function statusAttribute(status: SaveStatus): 'saved' | 'failed' | undefined {
  if (status.kind === 'idle') return undefined;
  return status.kind === 'saved' ? 'saved' : 'failed';
}

function StatusText({ status }: { status: SaveStatus }) {
  switch (status.kind) {
    case 'idle':
      return null;
    case 'saved':
      return <>Saved.</>;
    case 'failed':
      return <>Nothing was saved: {status.invalid === 1 ? 'one field needs' : `${status.invalid} fields need`} a fix (marked above).</>;
    case 'unreachable':
      return <>Nothing was saved: {say(status.why)}</>;
  }
}

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <fieldset class="section">
      <legend>
        <h2>{title}</h2>
      </legend>
      {children}
    </fieldset>
  );
}

const URL_IN_TEXT = /https:\/\/[^\s)]+/g;

/** A registry source sentence with its URLs as links. */
function SourceText({ text }: { text: string }) {
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    parts.push(text.slice(at, match.index));
    parts.push(
      <a href={match[0]} target="_blank" rel="noreferrer">
        {match[0]}
      </a>,
    );
    at = match.index + match[0].length;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

function DefaultFees({ venue }: { venue: VenueEntry }) {
  const { makerPct, takerPct, tier, source, asOf } = venue.fees;
  return (
    <p class="hint fee-source" id={`${venue.id}.fee-source`}>
      Default fees: maker {makerPct} %, taker {takerPct} %, the {tier} rate (an assumption until you enter your own). Source:{' '}
      <SourceText text={source} />, as of {asOf}.
    </p>
  );
}

interface FieldRowProps {
  view: FieldView;
  value: string | boolean;
  error: Reason | undefined;
  /** Ids of other elements that describe this field (e.g. its venue's fee source). */
  describedBy: string[];
  onEdit(path: string, value: string | boolean): void;
}

function FieldRow({ view, value, error, describedBy, onEdit }: FieldRowProps) {
  const { spec, control, label, hint, unit, choices } = view;
  const path = spec.path;
  const ids = { hint: `${path}.hint`, unit: `${path}.unit`, error: `${path}.error` };
  const described = [...(hint ? [ids.hint] : []), ...(unit ? [ids.unit] : []), ...describedBy, ...(error ? [ids.error] : [])].join(' ') || undefined;
  const invalid = error ? 'true' : undefined;
  const hintText = hint ? (
    <small class="hint" id={ids.hint}>
      {hint}
    </small>
  ) : null;
  const errorText = error ? (
    <small class="error" id={ids.error} data-error-for={path} data-reason={error.code}>
      {say(error)}
    </small>
  ) : null;

  if (control === 'checkbox') {
    return (
      <div class={error ? 'field check invalid' : 'field check'} data-setting={path}>
        <input
          id={path}
          name={path}
          type="checkbox"
          checked={value === true}
          aria-invalid={invalid}
          aria-describedby={described}
          onChange={(event) => onEdit(path, event.currentTarget.checked)}
        />
        <label for={path}>{label}</label>
        {hintText}
        {errorText}
      </div>
    );
  }

  if (control === 'radios') {
    return (
      <fieldset class={error ? 'field choices invalid' : 'field choices'} data-setting={path} aria-describedby={described}>
        <legend>{label}</legend>
        {hintText}
        {(choices ?? []).map((choice) => {
          const id = `${path}.${choice.value}`;
          return (
            <div class="choice">
              <input
                id={id}
                name={path}
                type="radio"
                value={choice.value}
                checked={value === choice.value}
                aria-invalid={invalid}
                aria-describedby={choice.explain ? `${id}.explain` : undefined}
                onChange={() => onEdit(path, choice.value)}
              />
              <label for={id}>{choice.label}</label>
              {choice.explain ? (
                <small class="hint" id={`${id}.explain`}>
                  {choice.explain}
                </small>
              ) : null}
            </div>
          );
        })}
        {errorText}
      </fieldset>
    );
  }

  return (
    <div class={error ? 'field invalid' : 'field'} data-setting={path}>
      <label for={path}>{label}</label>
      <span class="input-row">
        {control === 'select' ? (
          <select id={path} name={path} value={String(value)} aria-invalid={invalid} aria-describedby={described} onChange={(event) => onEdit(path, event.currentTarget.value)}>
            {(choices ?? []).map((choice) => (
              <option value={choice.value}>{choice.label}</option>
            ))}
          </select>
        ) : (
          <input
            id={path}
            name={path}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={String(value)}
            aria-invalid={invalid}
            aria-describedby={described}
            onInput={(event) => onEdit(path, event.currentTarget.value)}
          />
        )}
        {unit ? (
          <span class="unit" id={ids.unit}>
            {unit}
          </span>
        ) : null}
      </span>
      {hintText}
      {errorText}
    </div>
  );
}

function ImportResult({ outcome }: { outcome: ImportOutcome }) {
  if (outcome.kind === 'refused') {
    return (
      <div class="import-result" data-role="import-result" data-import-status="refused" role="status">
        <p class="error" data-import="refused" data-reason={outcome.problem.code}>
          Nothing was imported from {outcome.fileName}, your settings are unchanged: {say(outcome.problem)}.
        </p>
      </div>
    );
  }
  const { report, saved, fileName, why } = outcome;
  const summary =
    saved === 'saved'
      ? `Imported from ${fileName}: ${report.kept.length} kept and saved, ${report.rejected.length} rejected (not saved).`
      : saved === 'nothing'
      ? `Nothing was imported from ${fileName}: it holds no valid setting of this version.`
      : `Nothing was saved from ${fileName}${why ? `: ${say(why)}` : '.'}`;
  return (
    <div class="import-result" data-role="import-result" data-import-status={saved} role="status">
      <p class={saved === 'saved' ? 'saved' : 'error'}>{summary}</p>
      <h3>Kept ({report.kept.length})</h3>
      <ul data-import="kept">
        {report.kept.map((path) => (
          <li data-key={path}>
            <code>{path}</code> = {shownValue(report.patch[path])}
          </li>
        ))}
      </ul>
      <h3>Rejected ({report.rejected.length})</h3>
      <ul data-import="rejected">
        {report.rejected.map(({ field, reason: why }) => (
          <li data-key={field} data-reason={why.code}>
            <code>{field}</code>: {say(why)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function shownValue(value: string | boolean | null | undefined): string {
  if (value === null || value === undefined || value === '') return 'empty';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return value;
}
