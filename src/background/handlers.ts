/** The background's message handlers; payloads and senders were already checked by the router. */
import type { Runtime } from 'webextension-polyfill';
import type { FormSnapshot } from '../adapters/types.ts';
import type { EvaluateResult, PanelState } from '../shared/protocol.ts';
import type { Settings } from '../shared/settings.ts';
import type { Handlers } from './router.ts';
import type { SettingsService } from './settings-service.ts';
import type { TabStatusStore } from './tab-status.ts';

export interface HandlerDeps {
  settings: SettingsService;
  tabStatus: TabStatusStore;
  evaluate(snapshot: FormSnapshot, settings: Settings): EvaluateResult | Promise<EvaluateResult>;
  /** Epoch milliseconds. */
  now(): number;
}

function panelState(settings: Settings): PanelState {
  return { collapsed: settings.panelCollapsed, preSubmitCheck: settings.preSubmitCheck };
}

function sameOrigin(a: string, b: string | undefined): boolean {
  try {
    return b !== undefined && new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    async 'cs-bg-evaluate'({ snapshot }, sender: Runtime.MessageSender) {
      // A snapshot speaks only for the page that sent it.
      if (!sameOrigin(snapshot.url, sender.url)) throw new Error('snapshot URL is not on the sending page');
      const { settings } = await deps.settings.current();
      const result = await deps.evaluate(snapshot, settings);
      const tabId = sender.tab?.id;
      if (tabId !== undefined) {
        const symbol = snapshot.symbol.status === 'read' ? (snapshot.symbol.value ?? null) : null;
        // The pop-up's copy is stored after the reply, not before (tab-status.ts): the panel waits for this
        // reply on every keystroke. A failed write leaves the pop-up one update behind.
        deps.tabStatus.put(tabId, { url: snapshot.url, symbol, updatedAt: deps.now(), result }).catch(() => {});
      }
      return result;
    },
    async 'cs-bg-panel-get'() {
      return { panel: panelState((await deps.settings.current()).settings) };
    },
    async 'cs-bg-panel-set'({ collapsed }) {
      const updated = await deps.settings.update({ panelCollapsed: collapsed }, false);
      if (!updated.ok) throw new Error(updated.errors.map((e) => e.message).join(' '));
      return { panel: panelState(updated.loaded.settings) };
    },
    async 'ui-bg-settings-get'() {
      return deps.settings.current();
    },
    async 'ui-bg-settings-set'({ patch }) {
      const updated = await deps.settings.update(patch, true);
      return updated.ok ? updated.loaded : { invalid: updated.errors };
    },
    async 'ui-bg-status-get'({ tabId }) {
      return { status: await deps.tabStatus.get(tabId) };
    },
  };
}
