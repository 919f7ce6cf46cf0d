/**
 * Every hook the Hyperliquid adapter relies on, in one place, each with the README section (in this
 * folder) that says what the page is known to show. Nearly every class on the page is a hashed
 * styled-components class that changes with every build: none is used, except the two variant
 * classes of the side toggle.
 */

export const HOOKS = {
  /** Form root: the side toggles and the submit button are buttons; the submit carries color="primary". */
  button: 'button',
  primaryButton: 'button[color="primary"]',
  /** Side toggle: the selected toggle's class. */
  buyVariant: 'variant_green',
  sellVariant: 'variant_red',
  /** Inputs, Size and unit: a value input, and the unit toggle after the Size input. */
  input: 'input',
  roleButton: '[role="button"]',
  /** Reduce Only, TP/SL: a label holding its checkbox. */
  label: 'label',
  checkbox: 'input[type="checkbox"]',
  /** Mark price: the ticker bar. */
  marketData: '#marketData',
  /** Positions list: the account area, its table, header row and rows. */
  accountTable: '#accountTable',
  table: 'table',
  headerRow: ':scope > thead > tr',
  bodyRows: ':scope > tbody > tr',
  cell: 'td, th',
  dialog: '[role="dialog"]',
} as const;

/** Leverage and margin mode: the leverage button reads e.g. `20x`. */
export const LEVERAGE_RE = /^(\d{1,3})x$/;

/** Symbol: `{last} | {COIN} | Hyperliquid`; only the second field is a hook. */
export const TITLE_SEPARATOR = ' | ';
export const TITLE_SITE = 'Hyperliquid';

/** Form values: `8,000.00 USDC`, `-0.01000 BTC`; Positions list, sizes: `-0.50000 ETH`. */
export const AMOUNT_WITH_UNIT_RE = /^([+-]?\d[\d.,]*) ([A-Za-z0-9]+)$/;
/** Account panel and Positions list, USD amounts: `$1,234.56`, `-$0.12`, `+$10.00` (the sign before the `$`). */
export const USD_RE = /^([+-]?)\$(\d[\d.,]*)$/;
/** Positions list, Margin: `$30.50 (Cross)`, `-- (Isolated)`. */
export const MARGIN_CELL_RE = /^(\S+) \((.+)\)$/;
/** Order type: the size slider's small percent input, the one value input without a label row. */
export const PERCENT_LABEL = '%';
/** Estimates the page does not have: `N/A`. */
export const NOT_AVAILABLE = 'N/A';

/** Positions list: the tab's label (English on every language's page). */
export const POSITIONS_TAB = 'Positions';

export type Locale = 'en' | 'zh-CN' | 'pt-BR';

export interface Labels {
  sideButtons: readonly [buy: string, sell: string];
  placeOrder: string;
  connect: string;
  enableTrading: string;
  cross: string;
  isolated: string;
  price: string;
  size: string;
  trigger: string;
  available: string;
  currentPosition: string;
  reduceOnly: string;
  tpslCheckbox: string;
  takeProfit: string;
  stopLoss: string;
  mark: string;
  account: {
    balance: string;
    unrealizedPnl: string;
    marginRatio: string;
    maintenanceMargin: string;
    accountMode: string;
  };
  accountModes: { standard: string; unified: string; portfolio: string };
  columns: { coin: string; size: string; entry: string; mark: string; liq: string; margin: string };
  emptyPositions: string;
}

/** Label texts per locale, NFC (Labels, Account panel, Mark price, Positions list). */
export const LABELS: Record<Locale, Labels> = {
  en: {
    sideButtons: ['Buy / Long', 'Sell / Short'],
    placeOrder: 'Place Order',
    connect: 'Connect',
    enableTrading: 'Enable Trading',
    cross: 'Cross',
    isolated: 'Isolated',
    price: 'Price (USD)',
    size: 'Size',
    trigger: 'Trigger Price',
    available: 'Available to Trade',
    currentPosition: 'Current Position',
    reduceOnly: 'Reduce Only',
    tpslCheckbox: 'Take Profit / Stop Loss',
    takeProfit: 'TP Price',
    stopLoss: 'SL Price',
    mark: 'Mark',
    account: {
      balance: 'Balance',
      unrealizedPnl: 'Unrealized PNL',
      marginRatio: 'Cross Margin Ratio',
      maintenanceMargin: 'Maintenance Margin',
      accountMode: 'Account Mode',
    },
    accountModes: { standard: 'Standard', unified: 'Unified Account', portfolio: 'Portfolio Margin' },
    columns: { coin: 'Coin', size: 'Size', entry: 'Entry Price', mark: 'Mark Price', liq: 'Liq. Price', margin: 'Margin' },
    emptyPositions: 'No open positions yet',
  },
  'zh-CN': {
    sideButtons: ['买入 / 做多', '卖出 / 做空'],
    placeOrder: '下单',
    connect: '连接',
    enableTrading: '启用交易',
    cross: '全仓',
    isolated: '逐仓',
    price: '价格 (USD)',
    size: '数量',
    trigger: '触发价格',
    available: '可交易',
    currentPosition: '当前仓位',
    reduceOnly: '只减仓',
    tpslCheckbox: '止盈 / 止损',
    takeProfit: '止盈价',
    stopLoss: '止损价',
    mark: '标记价格',
    account: {
      balance: '余额',
      unrealizedPnl: '未实现盈亏',
      marginRatio: '全仓保证金率',
      maintenanceMargin: '维持保证金',
      accountMode: '账户模式',
    },
    accountModes: { standard: '标准', unified: '统一账户', portfolio: '组合保证金' },
    columns: { coin: '币种', size: '数量', entry: '开仓价格', mark: '标记价格', liq: '强平价格', margin: '保证金' },
    emptyPositions: '暂无持仓',
  },
  'pt-BR': {
    sideButtons: ['Comprar / Long', 'Vender / Short'],
    placeOrder: 'Enviar Ordem',
    connect: 'Conectar',
    enableTrading: 'Ativar Negociação',
    cross: 'Cruzada',
    isolated: 'Isolada',
    price: 'Preço (USD)',
    size: 'Tamanho',
    trigger: 'Preço de Gatilho',
    available: 'Disponível para Negociar',
    currentPosition: 'Posição Atual',
    reduceOnly: 'Somente Redução',
    tpslCheckbox: 'Take Profit / Stop Loss',
    takeProfit: 'Preço TP',
    stopLoss: 'Preço SL',
    mark: 'Marcação',
    account: {
      balance: 'Saldo',
      unrealizedPnl: 'PNL não realizado',
      marginRatio: 'Índice de margem cruzada',
      maintenanceMargin: 'Margem de manutenção',
      accountMode: 'Modo da Conta',
    },
    accountModes: { standard: 'Padrão', unified: 'Conta Unificada', portfolio: 'Margem de Portfólio' },
    columns: { coin: 'Moeda', size: 'Tamanho', entry: 'Preço de Entrada', mark: 'Preço de Marcação', liq: 'Preço de Liq.', margin: 'Margem' },
    emptyPositions: 'Nenhuma posição aberta',
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

/** The coin as the size unit and the position sizes show it: a builder-deployed `xyz:TSLA` shows `TSLA`. */
export function displayedCoin(coin: string): string {
  const colon = coin.indexOf(':');
  return colon < 0 ? coin : coin.slice(colon + 1);
}

/** A builder-deployed (HIP-3) market's dex, e.g. `xyz` for `xyz:TSLA`; null on the main dex. */
export function dexOf(coin: string): string | null {
  const colon = coin.indexOf(':');
  return colon < 0 ? null : coin.slice(0, colon);
}
