// Label texts per locale (tests/sites/README.md: localized labels, Hyperliquid hooks). Columns: en, zh-CN, pt-BR.
// The account-area tabs, `Close All` and the trigger-less texts below marked "free" are no hooks.
import { labelsOf } from '/__standin/common/labels.js';

const TEXTS = {
  buyLong: ['Buy / Long', '买入 / 做多', 'Comprar / Long'],
  sellShort: ['Sell / Short', '卖出 / 做空', 'Vender / Short'],
  placeOrder: ['Place Order', '下单', 'Enviar Ordem'],
  connect: ['Connect', '连接', 'Conectar'],
  enableTrading: ['Enable Trading', '启用交易', 'Ativar Negociação'],
  market: ['Market', '市价', 'Mercado'],
  limit: ['Limit', '限价', 'Limite'],
  pro: ['Pro', '专业', 'Pro'],
  cross: ['Cross', '全仓', 'Cruzada'],
  isolated: ['Isolated', '逐仓', 'Isolada'],
  price: ['Price (USD)', '价格 (USD)', 'Preço (USD)'],
  size: ['Size', '数量', 'Tamanho'],
  trigger: ['Trigger Price', '触发价格', 'Preço de Gatilho'],
  available: ['Available to Trade', '可交易', 'Disponível para Negociar'],
  currentPosition: ['Current Position', '当前仓位', 'Posição Atual'],
  liquidation: ['Liquidation Price', '强平价格', 'Preço de Liquidação'],
  orderValue: ['Order Value', '订单价值', 'Valor da Ordem'],
  marginRequired: ['Margin Required', '所需保证金', 'Margem Necessária'],
  slippage: ['Slippage', '滑点', 'Derrapagem'], // free
  fees: ['Fees', '手续费', 'Taxas'], // free
  mid: ['Mid', '中间价', 'Médio'], // free
  reduceOnly: ['Reduce Only', '只减仓', 'Somente Redução'],
  tpsl: ['Take Profit / Stop Loss', '止盈 / 止损', 'Take Profit / Stop Loss'],
  tpPrice: ['TP Price', '止盈价', 'Preço TP'],
  slPrice: ['SL Price', '止损价', 'Preço SL'],
  balance: ['Balance', '余额', 'Saldo'],
  upnl: ['Unrealized PNL', '未实现盈亏', 'PNL não realizado'],
  crossMarginRatio: ['Cross Margin Ratio', '全仓保证金率', 'Índice de margem cruzada'],
  maintMargin: ['Maintenance Margin', '维持保证金', 'Margem de manutenção'],
  crossLeverage: ['Cross Account Leverage', '全仓账户杠杆', 'Alavancagem da conta cruzada'],
  accountMode: ['Account Mode', '账户模式', 'Modo da Conta'],
  modeStandard: ['Standard', '标准', 'Padrão'],
  modeUnified: ['Unified Account', '统一账户', 'Conta Unificada'],
  modePortfolio: ['Portfolio Margin', '组合保证金', 'Margem de Portfólio'],
  mark: ['Mark', '标记价格', 'Marcação'],
  oracle: ['Oracle', '预言机价格', 'Oráculo'],
  colCoin: ['Coin', '币种', 'Moeda'],
  colSize: ['Size', '数量', 'Tamanho'],
  colValue: ['Position Value', '仓位价值', 'Valor da Posição'],
  colEntry: ['Entry Price', '开仓价格', 'Preço de Entrada'],
  colMark: ['Mark Price', '标记价格', 'Preço de Marcação'],
  colPnl: ['PNL (ROE %)', '盈亏 (ROE %)', 'PNL (ROE %)'],
  colLiq: ['Liq. Price', '强平价格', 'Preço de Liq.'],
  colMargin: ['Margin', '保证金', 'Margem'],
  colFunding: ['Funding', '资金费', 'Funding'],
  colTpsl: ['TP/SL', '止盈/止损', 'TP/SL'],
  reverse: ['Reverse', '反向', 'Inverter'],
  noPositions: ['No open positions yet', '暂无持仓', 'Nenhuma posição aberta'],
  noOrders: ['No open orders yet', '暂无挂单', 'Nenhuma ordem aberta'], // free
  noRecords: ['Nothing here yet', '暂无记录', 'Nada aqui ainda'], // free
  loading: ['Loading…', '加载中…', 'Carregando…'], // free
  connectPrompt: ['Connect your wallet to see your account', '连接钱包以查看账户', 'Conecte sua carteira para ver sua conta'], // free
  deposit: ['Deposit', '充值', 'Depositar'], // free
};

/** The account-area tab texts: the same English texts in every locale. */
export const ACCOUNT_TABS = ['Balances', 'Positions', 'Open Orders', 'TWAP', 'Trade History', 'Funding History', 'Order History'];

/** The `Close All` header button: English in every locale. */
export const CLOSE_ALL = 'Close All';

/** The label table for one locale: `labels('pt-BR').size === 'Tamanho'`. */
export const labels = labelsOf(TEXTS);
