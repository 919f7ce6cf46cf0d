// Label texts per locale (tests/sites/README.md: Bybit hooks, localized labels). Columns: en, zh-CN, pt-BR.
import { labelsOf } from '/__standin/common/labels.js';

const TEXTS = {
  // order-type tabs
  limit: ['Limit', '限价', 'Limite'],
  market: ['Market', '市价', 'Mercado'],
  conditional: ['Conditional', '条件单', 'Condicional'],
  // hedge Open/Close tabs and the submit labels
  open: ['Open', '开仓', 'Abrir'],
  close: ['Close', '平仓', 'Fechar'],
  buyLong: ['Buy/Long', '买入/做多', 'Comprar/Long'],
  sellShort: ['Sell/Short', '卖出/做空', 'Vender/Short'],
  openLong: ['Open Long', '开多', 'Abrir Long'],
  openShort: ['Open Short', '开空', 'Abrir Short'],
  closeShort: ['Close Short', '平空', 'Fechar Short'],
  closeLong: ['Close Long', '平多', 'Fechar Long'],
  logIn: ['Log In', '登录', 'Entrar'],
  signUp: ['Sign Up', '注册', 'Cadastre-se'],
  // form rows
  price: ['Price', '价格', 'Preço'],
  qtyMode_base: ['Order by Qty', '按数量下单', 'Ordem por Qtd'],
  qtyMode_quote: ['Order by Value', '按价值下单', 'Ordem por Valor'],
  qtyMode_cost: ['Order by Cost', '按成本下单', 'Ordem por Custo'],
  cross: ['Cross', '全仓', 'Cruzada'],
  isolated: ['Isolated', '逐仓', 'Isolada'],
  portfolio: ['Portfolio', '组合保证金', 'Portfólio'],
  available: ['Available Balance', '可用余额', 'Saldo disponível'],
  tpsl: ['TP/SL', '止盈/止损', 'TP/SL'],
  tp: ['Take Profit', '止盈', 'Take Profit'],
  sl: ['Stop Loss', '止损', 'Stop Loss'],
  liq: ['Liq. Price', '强平价格', 'Preço de liq.'],
  leverage: ['Leverage', '杠杆', 'Alavancagem'],
  confirm: ['Confirm', '确认', 'Confirmar'],
  // account panel
  equity: ['Equity', '权益', 'Patrimônio'],
  marginBalance: ['Margin Balance', '保证金余额', 'Saldo de margem'],
  initialMargin: ['Initial Margin', '初始保证金', 'Margem inicial'],
  maintMargin: ['Maintenance Margin', '维持保证金', 'Margem de manutenção'],
  marginModeLabel: ['Margin Mode', '保证金模式', 'Modo de margem'],
  crossMargin: ['Cross Margin', '全仓保证金', 'Margem cruzada'],
  isolatedMargin: ['Isolated Margin', '逐仓保证金', 'Margem isolada'],
  portfolioMargin: ['Portfolio Margin', '组合保证金', 'Margem de portfólio'],
  // header
  markPrice: ['Mark Price', '标记价格', 'Preço de marcação'],
  // bottom tabs and tables
  tabPositions: ['Positions', '仓位', 'Posições'],
  tabOrders: ['Current Orders', '当前委托', 'Ordens atuais'],
  tabOrderHistory: ['Order History', '历史委托', 'Histórico de ordens'],
  tabTradeHistory: ['Trade History', '成交记录', 'Histórico de negociações'],
  colContracts: ['Contracts', '合约', 'Contratos'],
  colQty: ['Qty', '数量', 'Qtd'],
  colValue: ['Value', '价值', 'Valor'],
  colEntry: ['Entry Price', '开仓价格', 'Preço de entrada'],
  colMark: ['Mark Price', '标记价格', 'Preço de marcação'],
  colLiq: ['Liq. Price', '强平价格', 'Preço de liq.'],
  colIm: ['IM', '起始保证金', 'MI'],
  colMm: ['MM', '维持保证金', 'MM'],
  colUpnl: ['Unrealized P&L', '未实现盈亏', 'P&L não realizado'],
  colRpnl: ['Realized P&L', '已实现盈亏', 'P&L realizado'],
  colTpsl: ['TP/SL', '止盈/止损', 'TP/SL'],
  colCloseBy: ['Close By', '平仓', 'Fechar por'],
  noData: ['No data', '暂无数据', 'Sem dados'],
  // the orders table's own columns (free texts: no adapter reads them)
  colOrderPrice: ['Order Price', '委托价格', 'Preço da ordem'],
  colType: ['Order Type', '订单类型', 'Tipo de ordem'],
  colSide: ['Side', '方向', 'Lado'],
  colReduceOnly: ['Reduce-Only', '只减仓', 'Somente redução'],
  buy: ['Buy', '买入', 'Comprar'],
  sell: ['Sell', '卖出', 'Vender'],
};

/** The label table for one locale: `labels('pt-BR').available === 'Saldo disponível'` (NFC). */
export const labels = labelsOf(TEXTS);
