/**
 * The confirm step's dialog, at the top of the panel (inside its shadow root) while an order is held back
 * (README: Pre-submit check): which limits fail, with their figures, and how to submit anyway. An
 * alertdialog: focus moves into it when it opens (a screen reader reads its title and description), Escape
 * or Cancel forgets the held order, and when it closes with the focus inside, the focus goes back to the
 * page's button (or field). "Submit anyway" only takes the focus back there: the trader activates it again.
 */
import { Component, createRef } from 'preact';
import type { ConfirmView } from '../confirm';
import { confirmText, say } from '../../ui/text';
import css from './confirm.css?inline';

const TITLE_ID = 'margin-lens-confirm-title';
const DESCRIPTION_ID = 'margin-lens-confirm-description';

export class ConfirmDialog extends Component<ConfirmView> {
  private dialog = createRef<HTMLDivElement>();
  private cancel = createRef<HTMLButtonElement>();

  override componentDidMount(): void {
    this.cancel.current?.focus();
  }

  override componentWillUnmount(): void {
    const dialog = this.dialog.current;
    const root = dialog?.getRootNode() as ShadowRoot | Document | undefined;
    const focused = root?.activeElement ?? null;
    if (dialog && focused && dialog.contains(focused)) this.props.onReturn();
  }

  private onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.props.onCancel();
  };

  render({ held, windowMs, onCancel, onReturn }: ConfirmView) {
    return (
      <div
        ref={this.dialog}
        class="confirm"
        role="alertdialog"
        aria-modal="false"
        aria-labelledby={TITLE_ID}
        aria-describedby={DESCRIPTION_ID}
        data-role="confirm-dialog"
        onKeyDown={this.onKeyDown}
      >
        <style>{css}</style>
        <p class="confirm-title" id={TITLE_ID}>
          {confirmText.title}
        </p>
        <div id={DESCRIPTION_ID}>
          {held.map(({ side, failures }) => (
            <section key={side} class="confirm-side" data-confirm="pending" data-side={side}>
              <p class="confirm-side-name">{confirmText.side(side)}</p>
              <ul>
                {failures.flatMap(({ mode, checks }) =>
                  checks.map((check) => (
                    <li key={`${mode}.${check.limit}`} data-mode={mode} data-limit={check.limit} data-reason={check.reason.code}>
                      <span class="confirm-mode">{confirmText.mode(mode)}</span> {say(check.reason)}
                    </li>
                  )),
                )}
              </ul>
            </section>
          ))}
          <p class="confirm-again">{confirmText.again(windowMs / 1000)}</p>
        </div>
        <div class="confirm-actions">
          <button type="button" data-action="submit-anyway" title={confirmText.submitAnywayHint} onClick={onReturn}>
            {confirmText.submitAnyway}
          </button>
          <button type="button" ref={this.cancel} data-action="cancel" onClick={onCancel}>
            {confirmText.cancel}
          </button>
        </div>
      </div>
    );
  }
}
