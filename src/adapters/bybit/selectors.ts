/**
 * Every hook the Bybit adapter relies on, in one place, each with the README section (in this folder)
 * that says what the page is known to show. Never the CSS-module hashed classes (`_wrap_1r3hz_1`), auto
 * ids or aria-controls: those change with every build and render.
 */

export const HOOKS = {
  /** Form root: the two hooks that define it, exactly one visible match each in the document. */
  leverage: '.oc-head-leverage',
  tpslText: '.oc__tp-sl-chk-text',
  /** Order type, Hedge mode */
  tab: '[role="tab"]',
  tablist: '[role="tablist"]',
  /** Price, Quantity and unit: the inputs, their container, its suffix and the qty-mode switch. */
  textInput: 'input[type="text"]',
  input: 'input.by-input__inner',
  inputContainer: '.by-input__container',
  inputSuffix: '.by-input__right-icon',
  qtyModeSwitch: 'span[role="button"]',
  /** TP/SL: the checkbox beside the label text, and each row's title and input. */
  checkbox: 'input[type="checkbox"]',
  tpslRow: '.oc__row-bottom--12',
  tpslRowTitle: '.tpsl-modal-item__title',
  tpslInput: '.profit-input .by-input__inner',
  /** Submit buttons */
  button: 'button',
  /** Account panel */
  accountPanel: '.trade-assets__body',
  /** Mark price */
  contractDetail: '.contract-detail',
  /** Positions list */
  table: 'table',
  headerCell: 'thead th',
  headerRow: 'thead > tr',
  body: 'tbody',
  dialog: '[role="dialog"]',
} as const;

/** Symbol: `{last} | {SYMBOL} | Bybit`; only the second field is a hook. */
export const TITLE_SEPARATOR = ' | ';

/** Leverage and margin mode: `10.00x`, or `10.00x / 5.00x` (long / short); pt-BR `10,00x`. */
export const LEVERAGE_RE = /^(\d{1,3}(?:[.,]\d{1,2})?)x(?: \/ (\d{1,3}(?:[.,]\d{1,2})?)x)?$/;

/** Amounts with a unit: `8,000.00 USDT`; Positions list sizes: `-0.300 BTC`. */
export const AMOUNT_WITH_UNIT_RE = /^([+-]?[\d.,]+) ([A-Z0-9]+)$/;

export type Locale = 'en' | 'zh-CN' | 'pt-BR';
export type HeaderMode = 'cross' | 'isolated' | 'portfolio';
export type QtyMode = 'base' | 'quote' | 'cost';

export interface Labels {
  orderTypes: { limit: string; market: string; conditional: string };
  open: string;
  close: string;
  /** Each pair is [buy side, sell side], in document order. */
  oneWayButtons: readonly [buy: string, sell: string];
  hedgeOpenButtons: readonly [buy: string, sell: string];
  hedgeCloseButtons: readonly [buy: string, sell: string];
  loggedOutButtons: readonly string[];
  price: string;
  qtyModes: Record<QtyMode, string>;
  headerModes: Record<HeaderMode, string>;
  available: string;
  takeProfit: string;
  stopLoss: string;
  account: {
    marginBalance: string;
    maintenanceMargin: string;
    marginMode: string;
  };
  /** The account panel's Margin Mode values. */
  panelModes: Record<HeaderMode, string>;
  markPrice: string;
  positionsTab: string;
  columns: {
    contracts: string;
    qty: string;
    entry: string;
    mark: string;
    liq: string;
    im: string;
  };
  noData: string;
}

/** Label texts per locale, NFC (Labels, Account panel, Mark price, Positions list). */
export const LABELS: Record<Locale, Labels> = {
  en: {
    orderTypes: { limit: 'Limit', market: 'Market', conditional: 'Conditional' },
    open: 'Open',
    close: 'Close',
    oneWayButtons: ['Buy/Long', 'Sell/Short'],
    hedgeOpenButtons: ['Open Long', 'Open Short'],
    hedgeCloseButtons: ['Close Short', 'Close Long'],
    loggedOutButtons: ['Log In', 'Sign Up'],
    price: 'Price',
    qtyModes: { base: 'Order by Qty', quote: 'Order by Value', cost: 'Order by Cost' },
    headerModes: { cross: 'Cross', isolated: 'Isolated', portfolio: 'Portfolio' },
    available: 'Available Balance',
    takeProfit: 'Take Profit',
    stopLoss: 'Stop Loss',
    account: { marginBalance: 'Margin Balance', maintenanceMargin: 'Maintenance Margin', marginMode: 'Margin Mode' },
    panelModes: { cross: 'Cross Margin', isolated: 'Isolated Margin', portfolio: 'Portfolio Margin' },
    markPrice: 'Mark Price',
    positionsTab: 'Positions',
    columns: { contracts: 'Contracts', qty: 'Qty', entry: 'Entry Price', mark: 'Mark Price', liq: 'Liq. Price', im: 'IM' },
    noData: 'No data',
  },
  'zh-CN': {
    orderTypes: { limit: '限价', market: '市价', conditional: '条件单' },
    open: '开仓',
    close: '平仓',
    oneWayButtons: ['买入/做多', '卖出/做空'],
    hedgeOpenButtons: ['开多', '开空'],
    hedgeCloseButtons: ['平空', '平多'],
    loggedOutButtons: ['登录', '注册'],
    price: '价格',
    qtyModes: { base: '按数量下单', quote: '按价值下单', cost: '按成本下单' },
    headerModes: { cross: '全仓', isolated: '逐仓', portfolio: '组合保证金' },
    available: '可用余额',
    takeProfit: '止盈',
    stopLoss: '止损',
    account: { marginBalance: '保证金余额', maintenanceMargin: '维持保证金', marginMode: '保证金模式' },
    panelModes: { cross: '全仓保证金', isolated: '逐仓保证金', portfolio: '组合保证金' },
    markPrice: '标记价格',
    positionsTab: '仓位',
    columns: { contracts: '合约', qty: '数量', entry: '开仓价格', mark: '标记价格', liq: '强平价格', im: '起始保证金' },
    noData: '暂无数据',
  },
  'pt-BR': {
    orderTypes: { limit: 'Limite', market: 'Mercado', conditional: 'Condicional' },
    open: 'Abrir',
    close: 'Fechar',
    oneWayButtons: ['Comprar/Long', 'Vender/Short'],
    hedgeOpenButtons: ['Abrir Long', 'Abrir Short'],
    hedgeCloseButtons: ['Fechar Short', 'Fechar Long'],
    loggedOutButtons: ['Entrar', 'Cadastre-se'],
    price: 'Preço',
    qtyModes: { base: 'Ordem por Qtd', quote: 'Ordem por Valor', cost: 'Ordem por Custo' },
    headerModes: { cross: 'Cruzada', isolated: 'Isolada', portfolio: 'Portfólio' },
    available: 'Saldo disponível',
    takeProfit: 'Take Profit',
    stopLoss: 'Stop Loss',
    account: { marginBalance: 'Saldo de margem', maintenanceMargin: 'Margem de manutenção', marginMode: 'Modo de margem' },
    panelModes: { cross: 'Margem cruzada', isolated: 'Margem isolada', portfolio: 'Margem de portfólio' },
    markPrice: 'Preço de marcação',
    positionsTab: 'Posições',
    columns: { contracts: 'Contratos', qty: 'Qtd', entry: 'Preço de entrada', mark: 'Preço de marcação', liq: 'Preço de liq.', im: 'MI' },
    noData: 'Sem dados',
  },
};

/**
 * The label set for `<html lang>`, matched case-insensitively (Labels). Unknown languages get none: the
 * page's texts would not match, so every field fails closed.
 */
export function localeOf(lang: string): Locale | null {
  const tag = lang.trim().toLowerCase();
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  if (tag === 'zh-cn') return 'zh-CN';
  if (tag === 'pt-br') return 'pt-BR';
  return null;
}
