/**
 * Every hook the OKX swap adapter relies on, in one place, each with the README section (in this folder)
 * that says what the page is known to show. Never CSS-module classes (`index_wrap__H1d0q`), auto ids
 * (`_r_4o_`) or hash suffixes: they change with every build and render.
 */

import type { SubmitLabels } from '../kit/submit';

export const HOOKS = {
  /** Form root: the one visible element with this design-system class. */
  formRoot: '.place-order-container-common',
  /** Order type: the order-type tabs; the selected one carries aria-selected="true". */
  orderTab: '.okui-tabs-pane-spacing[role="tab"]',
  /** Hedge mode: the Open/Close tabs, present in hedge mode only. */
  hedgeTab: '.okui-tabs-pane-segmented[role="tab"]',
  /** Price: the price input's container and the design-system input inside it. */
  priceBox: '.price-input',
  input: '.okui-input-input',
  /** Amount and unit: the input's wrapper and its unit suffix. */
  inputWrapper: '.okui-input',
  inputSuffix: '.okui-input-suffix',
  /** Leverage and margin mode, Submit buttons. */
  button: 'button',
  /** TP/SL: the box (its module class keeps the `stopSelector` name) and the trigger inputs (two seen spellings). */
  tpslBlock: '[class*="stopSelector"]',
  tpslBox: '[class*="stopSelector"] .okui-checkbox-input',
  priceLikeInput: 'input[aria-label$="Px"]',
  /** Available and Max */
  maxAsset: '[data-testid="max-asset"]',
  maxTrade: '[data-testid="max-trade"]',
  /** Positions list */
  bottomTab: '.okui-tabs-pane-underline[role="tab"]',
  positionBox: '.position-box',
  table: 'table',
  headerCell: 'thead th',
  positionRow: 'tbody > tr.okui-table-row',
  longSize: 'span.positive-pl',
  shortSize: 'span.negative-pl',
  dialog: '[role="dialog"]',
} as const;

/** TP/SL: the trigger-price inputs' aria-labels, both spellings seen (`tpOrdPx` earlier, `tpTriggerPx` later). */
export const TP_LABELS = ['tpTriggerPx', 'tpOrdPx'] as const;
export const SL_LABELS = ['slTriggerPx', 'slOrdPx'] as const;
export const TPSL_LABELS: ReadonlySet<string> = new Set([...TP_LABELS, ...SL_LABELS]);

/** Leverage and margin mode: the leverage button's whole text, e.g. `10x`. */
export const LEVERAGE_RE = /^(\d{1,3})[xX]$/;

/** Symbol: `{last} | {INSTID} | OKX`; only the second field is a hook. */
export const TITLE_SEPARATOR = ' | ';
/** Pages: the instrument id of a USDT/USDC-margined perpetual swap. */
export const INST_ID_RE = /^([A-Z0-9]+)-(USDT|USDC)-SWAP$/;

/** Available and Max: after the label, a number or `--`, one space, the unit. */
export const GLUED_AMOUNT_RE = /^\s*(--|[\d.,]+) (\S+)$/;
/** Account panel, Positions list: an amount with its unit, e.g. `1,525.00 USDT`, `-0.5 BTC`, `50 Cont`. */
export const AMOUNT_WITH_UNIT_RE = /^([+-]?\d[\d.,]*) (\S+)$/;
/** Positions list: the PnL cell, `+500.00 USDT (+32.79%)` or with the ROI missing `+500.00 USDT (--)`. */
export const PNL_RE = /^([+-]?\d[\d.,]*) ([A-Z0-9]+)(?: \((?:--|[+-]?\d[\d.,]*%)\))?$/;

export type Locale = 'en' | 'zh-CN' | 'pt-BR';

/** Open/Close and the submit pairs, each [positive button, negative button] (kit/submit.ts). */
export interface Labels extends SubmitLabels {
  orderTypes: { limit: string; market: string; conditional: string };
  cross: string;
  isolated: string;
  available: string;
  maxLong: string;
  maxShort: string;
  /** The amount suffix and Max unit for contracts. */
  contracts: string;
  /** The positions Size unit for contracts. */
  contractsShort: string;
  markPrice: string;
  account: { totalEquity: string; maintenanceMargin: string; marginRatio: string; accountMode: string };
  accountModes: { single: string; multi: string; portfolio: string };
  positionsTab: string;
  columns: { instrument: string; size: string; entry: string; mark: string; liq: string; margin: string; pnl: string };
}

/** Label texts per locale, NFC (Labels, Account panel, Positions list). */
export const LABELS: Record<Locale, Labels> = {
  en: {
    orderTypes: { limit: 'Limit', market: 'Market', conditional: 'TP/SL' },
    open: 'Open',
    close: 'Close',
    oneWayButtons: ['Buy/Long', 'Sell/Short'],
    hedgeOpenButtons: ['Open long', 'Open short'],
    hedgeCloseButtons: ['Close short', 'Close long'],
    loggedOutButtons: ['Log in', 'Sign up'],
    cross: 'Cross',
    isolated: 'Isolated',
    available: 'Available',
    maxLong: 'Max long',
    maxShort: 'Max short',
    contracts: 'Contracts',
    contractsShort: 'Cont',
    markPrice: 'Mark price',
    account: { totalEquity: 'Total equity', maintenanceMargin: 'Maintenance margin', marginRatio: 'Margin ratio', accountMode: 'Account mode' },
    accountModes: { single: 'Futures mode', multi: 'Multi-currency margin', portfolio: 'Portfolio margin' },
    positionsTab: 'Open positions',
    columns: {
      instrument: 'Instrument', size: 'Size', entry: 'Avg. entry price', mark: 'Mark price', liq: 'Est. liq. price', margin: 'Margin',
      pnl: 'Unrealized PnL (ROI)',
    },
  },
  'zh-CN': {
    orderTypes: { limit: '限价', market: '市价', conditional: '止盈止损' },
    open: '开仓',
    close: '平仓',
    oneWayButtons: ['买入/开多', '卖出/开空'],
    hedgeOpenButtons: ['开多', '开空'],
    hedgeCloseButtons: ['平空', '平多'],
    loggedOutButtons: ['登录', '注册'],
    cross: '全仓',
    isolated: '逐仓',
    available: '可用',
    maxLong: '可开多',
    maxShort: '可开空',
    contracts: '张',
    contractsShort: '张',
    markPrice: '标记价格',
    account: { totalEquity: '总权益', maintenanceMargin: '维持保证金', marginRatio: '保证金率', accountMode: '账户模式' },
    accountModes: { single: '合约模式', multi: '跨币种保证金模式', portfolio: '组合保证金模式' },
    positionsTab: '持仓',
    columns: { instrument: '产品', size: '持仓量', entry: '开仓均价', mark: '标记价格', liq: '预估强平价', margin: '保证金', pnl: '收益额（收益率）' },
  },
  'pt-BR': {
    orderTypes: { limit: 'Limite', market: 'Mercado', conditional: 'TP/SL' },
    open: 'Abrir',
    close: 'Fechar',
    oneWayButtons: ['Comprar/Long', 'Vender/Short'],
    hedgeOpenButtons: ['Abrir long', 'Abrir short'],
    hedgeCloseButtons: ['Fechar short', 'Fechar long'],
    loggedOutButtons: ['Entrar', 'Cadastrar'],
    cross: 'Cruzada',
    isolated: 'Isolada',
    available: 'Disponível',
    maxLong: 'Máx. long',
    maxShort: 'Máx. short',
    contracts: 'Contratos',
    contractsShort: 'Cont',
    markPrice: 'Preço de marcação',
    account: { totalEquity: 'Patrimônio total', maintenanceMargin: 'Margem de manutenção', marginRatio: 'Índice de margem', accountMode: 'Modo da conta' },
    accountModes: { single: 'Modo futuros', multi: 'Margem multimoeda', portfolio: 'Margem de portfólio' },
    positionsTab: 'Posições abertas',
    columns: {
      instrument: 'Instrumento', size: 'Tamanho', entry: 'Preço médio de entrada', mark: 'Preço de marcação', liq: 'Preço est. de liq.',
      margin: 'Margem', pnl: 'PnL não realizado (ROI)',
    },
  },
};

/** The label set for `<html lang>`, matched case-insensitively (Labels). Unknown languages get none. */
export function localeOf(lang: string): Locale | null {
  const tag = lang.trim().toLowerCase();
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  if (tag === 'zh-cn' || tag === 'zh-hans') return 'zh-CN';
  if (tag === 'pt-br') return 'pt-BR';
  return null;
}
