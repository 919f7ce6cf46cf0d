/**
 * Every hook the Binance USDⓈ-M adapter relies on, in one place, each with the README section (in
 * this folder) that says what the page is known to show. Never hashed classes, id suffixes or
 * aria-controls: those change with every build and render.
 */

export const HOOKS = {
  /** Form root: the two hooks that define it, exactly one visible match each in the document. */
  qtyInput: 'input[id^="unitAmount-"]',
  activeOrderTab: '[role="tab"][data-tab-key][aria-selected="true"]',
  /** Order type */
  orderTab: '[role="tab"][data-tab-key]',
  /** Price */
  priceInput: 'input[id^="limitPrice-"]',
  /** Size and unit: the qty wrapper and its unit suffix. */
  qtyWrapper: '[target^="unitAmount-"]',
  unitSuffix: '.bn-input-suffix',
  /** Leverage and margin mode: the leverage/margin-mode control is a button (or role=button) matching LEVERAGE_RE. */
  buttonLike: 'button, [role="button"]',
  button: 'button',
  /** TP/SL, Positions list: checkboxes carry their state in aria-checked. */
  checkbox: 'label[role="checkbox"]',
  /** Hedge mode: hedge-mode Open/Close tabs (any of the three seen forms). */
  hedgeTabs: '#position-direction [role="tab"], .bn-tabs__buySell [role="tab"], [role="tab"].bn-tab__buySell',
  /** Available and Max */
  maxBuy: '[data-testid="max-buy-amount"]',
  maxSell: '[data-testid="max-sell-amount"]',
  /** Positions list */
  tablist: '[role="tablist"]',
  tab: '[role="tab"]',
  tabpanel: '[role="tabpanel"]',
  positionRow: '.list-item-container',
  hideOtherSymbols: 'label[role="checkbox"][name="hideOtherSymbol"]',
  dialog: '[role="dialog"]',
} as const;

/** Leverage and margin mode: combined margin-mode + leverage button text, e.g. `Cross 20x`, `全仓 20x`, `Isolada 5x`. */
export const LEVERAGE_RE = /^(Cross|Isolated|全仓|逐仓|Cruzada|Isolada) ?(\d{1,3})[xX]$/;
export const LEVERAGE_MAX_TEXT = 48;
export const MARGIN_MODE_WORDS: Record<string, 'cross' | 'isolated'> = {
  Cross: 'cross',
  Isolated: 'isolated',
  全仓: 'cross',
  逐仓: 'isolated',
  Cruzada: 'cross',
  Isolada: 'isolated',
};

/** Leverage and margin mode: asset-mode button texts. */
export const ASSET_MODES: Record<string, 'single' | 'multi' | 'portfolio'> = { S: 'single', M: 'multi', PM: 'portfolio' };

/** Symbol: `{last} | {SYMBOL} | Binance USDⓈ-M Futures`; only the second field is a hook. */
export const TITLE_SEPARATOR = ' | ';

/** Available and Max: `8,000.00 USDT`; Positions list, sizes and margins: `-0.300 BTC`, `1,525.00 USDT`. */
export const AMOUNT_WITH_UNIT_RE = /^([+-]?[\d.,]+) ([A-Z0-9]+)$/;

export type Locale = 'en' | 'zh-CN' | 'pt-BR';

export interface Labels {
  open: string;
  close: string;
  oneWayButtons: readonly [buy: string, sell: string];
  hedgeOpenButtons: readonly [buy: string, sell: string];
  hedgeCloseButtons: readonly [buy: string, sell: string];
  loggedOutButtons: readonly string[];
  available: string;
  price: string;
  size: string;
  tpslCheckbox: string;
  reduceOnly: string;
  takeProfit: string;
  stopLoss: string;
  mark: string;
  account: {
    marginRatio: string;
    maintenanceMargin: string;
    marginBalance: string;
    walletBalance: string;
    unrealizedPnl: string;
  };
  positionsTab: string;
  columns: {
    symbol: string;
    size: string;
    entry: string;
    mark: string;
    liq: string;
    margin: string;
  };
}

/** Label texts per locale, NFC (Labels, Account panel, Mark price, Positions list). */
export const LABELS: Record<Locale, Labels> = {
  en: {
    open: 'Open',
    close: 'Close',
    oneWayButtons: ['Buy/Long', 'Sell/Short'],
    hedgeOpenButtons: ['Open Long', 'Open Short'],
    hedgeCloseButtons: ['Close Short', 'Close Long'],
    loggedOutButtons: ['Log In', 'Register Now'],
    available: 'Avbl',
    price: 'Price',
    size: 'Size',
    tpslCheckbox: 'TP/SL',
    reduceOnly: 'Reduce-Only',
    takeProfit: 'Take Profit',
    stopLoss: 'Stop Loss',
    mark: 'Mark',
    account: {
      marginRatio: 'Margin Ratio',
      maintenanceMargin: 'Maintenance Margin',
      marginBalance: 'Margin Balance',
      walletBalance: 'Wallet Balance',
      unrealizedPnl: 'Unrealized PNL',
    },
    positionsTab: 'Positions',
    columns: { symbol: 'Symbol', size: 'Size', entry: 'Entry Price', mark: 'Mark Price', liq: 'Liq.Price', margin: 'Margin' },
  },
  'zh-CN': {
    open: '开仓',
    close: '平仓',
    oneWayButtons: ['买入/做多', '卖出/做空'],
    hedgeOpenButtons: ['开多', '开空'],
    hedgeCloseButtons: ['平空', '平多'],
    loggedOutButtons: ['登录', '立即注册'],
    available: '可用',
    price: '委托价格',
    size: '数量',
    tpslCheckbox: '止盈/止损',
    reduceOnly: '只减仓',
    takeProfit: '止盈',
    stopLoss: '止损',
    mark: '标记价格',
    account: {
      marginRatio: '保证金比率',
      maintenanceMargin: '维持保证金',
      marginBalance: '保证金余额',
      walletBalance: '钱包余额',
      unrealizedPnl: '未实现盈亏',
    },
    positionsTab: '仓位',
    columns: { symbol: '符号', size: '数量', entry: '开仓价格', mark: '标记价格', liq: '强平价格', margin: '保证金' },
  },
  'pt-BR': {
    open: 'Abrir',
    close: 'Fechar',
    oneWayButtons: ['Comprar/Long', 'Vender/Short'],
    hedgeOpenButtons: ['Abrir Long', 'Abrir Short'],
    hedgeCloseButtons: ['Fechar Short', 'Fechar Long'],
    loggedOutButtons: ['Entrar', 'Cadastre-se'],
    available: 'Disp.',
    price: 'Preço',
    size: 'Tamanho',
    tpslCheckbox: 'TP/SL',
    reduceOnly: 'Somente Redução',
    takeProfit: 'Take Profit',
    stopLoss: 'Stop Loss',
    mark: 'Marcação',
    account: {
      marginRatio: 'Índice de Margem',
      maintenanceMargin: 'Margem de Manutenção',
      marginBalance: 'Saldo de Margem',
      walletBalance: 'Saldo da Carteira',
      unrealizedPnl: 'PNL Não Realizado',
    },
    positionsTab: 'Posições',
    columns: { symbol: 'Símbolo', size: 'Tamanho', entry: 'Preço de Entrada', mark: 'Preço de Marcação', liq: 'Preço de Liq.', margin: 'Margem' },
  },
};

/** The label set for `<html lang>`; matched case-insensitively (Labels). Unknown languages get none. */
export function localeOf(lang: string): Locale | null {
  const tag = lang.trim().toLowerCase();
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  if (tag === 'zh-cn') return 'zh-CN';
  if (tag === 'pt-br') return 'pt-BR';
  return null;
}
