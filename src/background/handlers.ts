/** The background's message handlers; payloads and senders were already checked by the router. */
import type { Runtime } from 'webextension-polyfill';
import type { FormSnapshot } from '../contracts/snapshot.ts';
import type { EvaluateResult, PanelState } from '../contracts/messages.ts';
import type { LoadedSettings, Settings } from '../shared/settings.ts';
import { venueById, type VenueId } from '../venues/registry.ts';
import { calculate } from './calculator.ts';
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

function panelState({ settings, notice }: LoadedSettings, venue: VenueId): PanelState {
  return { collapsed: settings.panelCollapsed, preSubmitCheck: settings.preSubmitCheck, theme: settings.theme, enabled: settings.venues[venue].enabled, notice };
}

function originOf(url: string | undefined): string | null {
  try {
    return url === undefined ? null : new URL(url).origin;
  } catch {
    return null;
  }
}

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    async 'cs-bg-evaluate'({ snapshot }, sender: Runtime.MessageSender) {
      // A snapshot speaks only for the page that sent it, and only for that page's venue.
      const origin = originOf(sender.url);
      if (origin === null || originOf(snapshot.url) !== origin) throw new Error('snapshot URL is not on the sending page');
      if (!venueById(snapshot.venue).origins.includes(origin)) throw new Error('snapshot venue is not the sending page\'s');
      const { settings } = await deps.settings.current();
      const result = await deps.evaluate(snapshot, settings);
      const tabId = sender.tab?.id;
      if (tabId !== undefined) {
        const symbol = snapshot.symbol.status === 'read' ? (snapshot.symbol.value ?? null) : null;
        // The pop-up's copy is stored after the reply, coalesced per tab (tab-status.ts): the panel waits for
        // this reply on every keystroke. A failed write leaves the pop-up one update behind.
        deps.tabStatus.put(tabId, { url: snapshot.url, venue: snapshot.venue, symbol, updatedAt: deps.now(), result }).catch(() => {});
      }
      return result;
    },
    async 'cs-bg-panel-get'({ venue }) {
      return { panel: panelState(await deps.settings.current(), venue) };
    },
    async 'cs-bg-panel-set'({ venue, collapsed }) {
      const updated = await deps.settings.update({ panelCollapsed: collapsed }, false);
      if (!updated.ok) throw new Error(updated.errors.map((e) => `${e.field}: ${e.reason.code}`).join(', '));
      return { panel: panelState(updated.loaded, venue) };
    },
    async 'ui-bg-settings-get'() {
      return deps.settings.current();
    },
    async 'ui-bg-settings-set'({ patch }) {
      const updated = await deps.settings.update(patch, true);
      return updated.ok ? updated.loaded : { invalid: updated.errors };
    },
    async 'ui-bg-calculate'({ input }) {
      return calculate(input, (await deps.settings.current()).settings);
    },
    async 'ui-bg-status-get'({ tabId }) {
      const [status, { notice }] = await Promise.all([tabId === null ? null : deps.tabStatus.get(tabId), deps.settings.current()]);
      return { status, notice };
    },
  };
}
