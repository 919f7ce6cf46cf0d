/**
 * Reasons: why a field was not read, why a figure is missing, what was assumed, what a limit check
 * found. They travel between the layers as a code with parameters and become words only in the UI's
 * text catalogue (src/ui/text), so no sentence is assembled anywhere else and tests compare codes.
 *
 * Parameters are strings (decimals, page texts, symbols), numbers (counts), item codes (what on the
 * page or which input) or a nested reason (`cause`). REASON_PARAMS lists each code's parameter names
 * for the background's payload guards; the type below keeps the two in step.
 */

/** Things on the page or inputs of a calculation that a reason can name (labels in the catalogue). */
import type { LimitKey } from './evaluation';

export const ITEMS = [
  // the order form
  'orderForm', 'symbol', 'baseAsset', 'quoteAsset', 'orderType', 'price', 'quantity', 'quantityUnit', 'leverage', 'marginMode', 'positionMode',
  'action', 'assetMode', 'loggedIn', 'takeProfit', 'stopLoss', 'tpslBox', 'available', 'maxBuy', 'maxSell',
  'orderButtons', 'leverageButton', 'assetModeButton', 'reduceOnly', 'sides', 'currentPosition',
  // the account panel and header
  'walletBalance', 'marginBalance', 'maintenanceMargin', 'unrealizedPnl', 'marginRatio', 'markPrice', 'fundingRate',
  // the positions list
  'positions', 'ownPositions', 'otherPositions', 'positionsTabs', 'positionsTab', 'positionsPanel', 'positionsHeader',
  'positionRows', 'positionsFilter', 'emptyState', 'positionSymbol', 'positionSize', 'positionEntry',
  'positionMark', 'positionMargin', 'positionLeverage', 'positionLiquidation',
  // inputs of an evaluation
  'takerFee', 'maintenanceTiers', 'crossWallet', 'otherCrossPositions', 'existingPosition',
  'addedIsolatedMargin', 'accountEquity',
] as const;
export type ItemCode = (typeof ITEMS)[number];

export type Side = 'long' | 'short';
export type Mode = 'isolated' | 'cross';
export type LimitStatus = 'pass' | 'fail' | 'unchecked';

export interface ReasonParams {
  // --- reading the page (adapters) --------------------------------------------------------
  /** The adapter does not handle this address. */
  'page.notSupportedPage': Record<string, never>;
  'page.notFound': { item: ItemCode };
  /** The adapter does not read this from the page (no hook it can rely on). */
  'page.notRead': { item: ItemCode };
  /** A part outside the form is not on the page yet, while it is still loading. */
  'page.notLoadedYet': { item: ItemCode };
  /** Health check: the structure relied on is not there on a loaded page. */
  'page.selectorBroke': { item: ItemCode };
  'page.several': { item: ItemCode; count: number };
  'page.empty': { item: ItemCode };
  /** The page shows `--` for it (not loaded yet, or not known to the page). */
  'page.notShownYet': { item: ItemCode };
  'page.loginToSee': { item: ItemCode };
  'page.unreadable': { item: ItemCode; text: string };
  'page.wrongUnit': { item: ItemCode; unit: string; expected: string };
  'page.notSupported': { item: ItemCode; text: string };
  'page.adapterError': { detail: string };
  'page.symbolNotShown': Record<string, never>;
  'page.symbolMismatch': { shown: string; address: string };
  'page.formUnitMismatch': { unit: string; address: string };
  'page.unsupportedQuote': { symbol: string };
  'page.datedContract': { symbol: string };
  /** A builder-deployed market (`dex:COIN`): its own collateral and margin tables. */
  'page.builderMarket': { symbol: string };
  /** A side toggle shows neither or both sides as selected. */
  'page.sideUnknown': Record<string, never>;
  'page.marketOrder': Record<string, never>;
  'page.tpslOff': Record<string, never>;
  'page.orderButtonsMismatch': { buttons: string };
  'page.orderAndLoginButtons': { buttons: string };
  'page.openCloseUnknown': Record<string, never>;
  'page.orderTypeUnknown': Record<string, never>;
  'page.unitUnknown': { unit: string };
  'page.mixedNumberFormats': { first: string; second: string };
  'page.numberFormatContradicted': { lang: string; expected: 'dot' | 'comma'; text: string };
  'page.numberFormatUnknown': { lang: string };
  'page.notANumber': { text: string };
  /** Hedge + isolated: the long and the short side have different leverages (one form, two leverages). */
  'page.sideLeverages': { long: string; short: string };
  /** The page shows a margin balance but no wallet balance: the two are equal only without open positions. */
  'page.walletNotShown': Record<string, never>;
  /** The form's margin mode and the account panel's disagree. */
  'page.marginModeMismatch': { form: string; panel: string };
  // the positions list
  'positions.loginUnknown': Record<string, never>;
  'positions.tabNotSelected': Record<string, never>;
  'positions.loading': Record<string, never>;
  'positions.othersHidden': Record<string, never>;
  'positions.incomplete': { missing: number; count: number };
  'positions.tooMany': { rows: number; count: number };
  'positions.rowUnreadable': { symbol: string; item: ItemCode; text: string };
  'positions.zeroSize': { symbol: string };
  'positions.structure': { item: ItemCode };
  'positions.cellCount': { cells: number; columns: number };
  'positions.column': { column: string };
  /** The form's own position on the symbol disagrees with the positions list. */
  'positions.ownMismatch': { shown: string; rows: string };

  // --- the engine ------------------------------------------------------------------------
  'input.missing': { field: string };
  'input.notDecimal': { field: string };
  'input.notPositive': { field: string; value: string };
  'input.negative': { field: string; value: string };
  'input.fraction': { field: string; value: string };
  'input.required': { field: string };
  'input.notObject': { field: string };
  'input.notArray': { field: string };
  'input.oneOf': { field: string; allowed: string };
  'input.exactlyOne': { field: string; options: string };
  'input.needs': { field: string; needs: string };
  'input.unknownRule': { rule: string };
  'input.unknownSymbol': { symbol: string };
  'input.crossNotSupported': { rule: string };
  'input.unreadable': { detail: string };
  /** A margin that buys less than one size step at this leverage and price (the calculator). */
  'input.belowStep': { field: string; step: string };
  'tiers.empty': Record<string, never>;
  'tiers.noFloor': { tier: string };
  'tiers.noRate': { tier: string };
  'tiers.badNumber': { tier: string; field: string };
  'figure.noLiquidation': Record<string, never>;
  'figure.noBankruptcy': Record<string, never>;
  'figure.noLiquidationFeeRate': Record<string, never>;
  'figure.notComputable': Record<string, never>;
  'figure.equityNotPositive': Record<string, never>;
  'figure.noMaintenance': Record<string, never>;
  'figure.beyondTierTable': Record<string, never>;
  'figure.accountUnknown': Record<string, never>;
  'figure.noStopLoss': Record<string, never>;
  'figure.stopOnWrongSide': { stop: string; side: Side };
  'figure.closesPosition': Record<string, never>;
  /** Equity at the current marks is at or below the maintenance requirement already. */
  'figure.liquidatesNow': { equity: string; requirement: string };
  'figure.aboveBracketLeverage': { leverage: string; max: string; tier: string; notional: string };
  'figure.crossUnavailable': Record<string, never>;
  /** No tier: the maintenance rate is an assumed single rate. */
  'figure.assumedRate': Record<string, never>;
  'assume.existingIsolatedMargin': { side: Side; leverage: string };
  'assume.reducedMarginProRata': Record<string, never>;
  'assume.closeLargerThanPosition': { side: Side };
  'assume.limitCrossesMark': { side: Side };
  'assume.marketFill': Record<string, never>;
  'assume.maintenanceRate': { rate: string; symbol: string };
  'assume.partialTierTable': { symbol: string };
  // A limit's check: its status and the number that decides it (actual against the trader's limit).
  'limit.maxLeverage': { status: LimitStatus; threshold: string; actual: string };
  'limit.maxLoss': { status: LimitStatus; threshold: string; actual: string };
  'limit.maxLossPct': { status: LimitStatus; threshold: string; actual: string };
  'limit.maxStopLossPct': { status: LimitStatus; threshold: string; actual: string };
  'limit.minLiquidationDistancePct': { status: LimitStatus; threshold: string; actual: string };
  'limit.stopLossRequired': { status: LimitStatus };
  'limit.minStopBufferPct': { status: LimitStatus; threshold: string; actual: string };
  'limit.maxCrossExposure': { status: LimitStatus; threshold: string; actual: string };
  /** Passes because there is no liquidation price to be near. */
  'limit.noLiquidation': { limit: LimitKey };
  /** Passes: an isolated order adds no cross exposure. */
  'limit.isolatedNoCrossExposure': { limit: LimitKey };
  /** Cannot be checked: an input it needs is not known. */
  'limit.unchecked': { limit: LimitKey; cause: Reason };
  'figure.noSizeLimit': Record<string, never>;
  'figure.sizeIndependentLimit': { limit: LimitKey };
  'figure.noSizeFits': Record<string, never>;
  'figure.cappedByMax': { max: string };
  'figure.noFundingRate': Record<string, never>;
  'figure.isolatedNoStress': Record<string, never>;
  'figure.noAccountLiquidation': Record<string, never>;
  'figure.reduceOnlyNoPosition': Record<string, never>;
  /** The venue states its margin ratio as equity ÷ (maintenance + fees): liquidation when it falls to 100 % (the rule's `marginRatio` flag). */
  'figure.marginRatioEquityCover': Record<string, never>;
  /** The order can only reduce or close on this side: no size of it adds risk. */
  'figure.onlyReduces': Record<string, never>;
  'stop.beyondLiquidation': { stop: string; liquidation: string };
  'stop.insideBuffer': { buffer: string; threshold: string };

  // --- the background ----------------------------------------------------------------------
  'evaluate.formNotFound': { cause: Reason };
  'evaluate.cantRead': { item: ItemCode; cause: Reason };
  'evaluate.notSupported': { item: ItemCode; cause: Reason };
  'evaluate.enterSize': Record<string, never>;
  'evaluate.positionUnknown': { symbol: string; cause: Reason };
  'evaluate.venueNotSupported': { venue: string };
  /** A hook the adapter relies on is gone from a loaded page: figures disabled, not guessed. */
  'evaluate.pageChanged': { item: ItemCode; cause: Reason };
  'evaluate.accountModeNotSupported': { mode: 'multi' | 'portfolio' | 'unified' };
  'evaluate.noContractValue': { symbol: string };
  'evaluate.costNeedsFee': Record<string, never>;
  'evaluate.venueOff': { venue: string };
  'assume.costUnit': { takerPct: string };
  'assume.reduceOnlyUnread': { cause: Reason };
  'assume.settingsMaintenance': { rate: string; symbol: string };
  'cross.loggedOut': Record<string, never>;
  'cross.loginUnknown': { cause: Reason };
  'cross.assetModeUnknown': Record<string, never>;
  'cross.otherPositionsUnknown': { cause: Reason };
  'cross.walletUnknown': { cause: Reason };
  /** The calculator: no wallet balance entered, so no cross figures. */
  'cross.enterWallet': Record<string, never>;
  'assume.defaultFee': { venue: string; tier: string; takerPct: string };
  'assume.otherMaintenance': { symbol: string; rate: string; beyondTable: 'yes' | 'no' };
  'assume.loggedOutNewPosition': Record<string, never>;
  'settings.reset': { cause: Reason };
  'settings.notObject': Record<string, never>;
  'settings.notJson': Record<string, never>;
  'settings.noVersion': Record<string, never>;
  'settings.newer': { version: string };
  'settings.noMigration': { version: string };
  'settings.fields': { fields: string };
  'setting.range': { min: string; max: string; minIncluded: 'yes' | 'no'; maxIncluded: 'yes' | 'no'; integer: 'yes' | 'no' };
  'setting.notNumber': Record<string, never>;
  'setting.notBoolean': Record<string, never>;
  'setting.notOneOf': { allowed: string };
  'setting.unknown': Record<string, never>;
  'background.unreachable': { detail: string };
  'background.refused': { detail: string };
  'page.readFailed': { detail: string };
}

export type ReasonCode = keyof ReasonParams;

export type Reason = { [C in ReasonCode]: { code: C; params: ReasonParams[C] } }[ReasonCode];

export function reason<C extends ReasonCode>(code: C, ...params: ReasonParams[C] extends Record<string, never> ? [] : [ReasonParams[C]]): Reason {
  return { code, params: (params[0] ?? {}) as ReasonParams[C] } as Reason;
}

type ParamNames = { [C in ReasonCode]: readonly (keyof ReasonParams[C] & string)[] };

/** Each code's parameter names (the payload guards check a reason against them, keys exactly). */
export const REASON_PARAMS = {
  'page.notSupportedPage': [],
  'page.notFound': ['item'],
  'page.notRead': ['item'],
  'page.notLoadedYet': ['item'],
  'page.selectorBroke': ['item'],
  'page.several': ['item', 'count'],
  'page.empty': ['item'],
  'page.notShownYet': ['item'],
  'page.loginToSee': ['item'],
  'page.unreadable': ['item', 'text'],
  'page.wrongUnit': ['item', 'unit', 'expected'],
  'page.notSupported': ['item', 'text'],
  'page.adapterError': ['detail'],
  'page.symbolNotShown': [],
  'page.symbolMismatch': ['shown', 'address'],
  'page.formUnitMismatch': ['unit', 'address'],
  'page.unsupportedQuote': ['symbol'],
  'page.datedContract': ['symbol'],
  'page.builderMarket': ['symbol'],
  'page.sideUnknown': [],
  'page.marketOrder': [],
  'page.tpslOff': [],
  'page.orderButtonsMismatch': ['buttons'],
  'page.orderAndLoginButtons': ['buttons'],
  'page.openCloseUnknown': [],
  'page.orderTypeUnknown': [],
  'page.unitUnknown': ['unit'],
  'page.mixedNumberFormats': ['first', 'second'],
  'page.numberFormatContradicted': ['lang', 'expected', 'text'],
  'page.numberFormatUnknown': ['lang'],
  'page.notANumber': ['text'],
  'page.sideLeverages': ['long', 'short'],
  'page.walletNotShown': [],
  'page.marginModeMismatch': ['form', 'panel'],
  'positions.loginUnknown': [],
  'positions.tabNotSelected': [],
  'positions.loading': [],
  'positions.othersHidden': [],
  'positions.incomplete': ['missing', 'count'],
  'positions.tooMany': ['rows', 'count'],
  'positions.rowUnreadable': ['symbol', 'item', 'text'],
  'positions.zeroSize': ['symbol'],
  'positions.structure': ['item'],
  'positions.cellCount': ['cells', 'columns'],
  'positions.column': ['column'],
  'positions.ownMismatch': ['shown', 'rows'],
  'input.missing': ['field'],
  'input.notDecimal': ['field'],
  'input.notPositive': ['field', 'value'],
  'input.negative': ['field', 'value'],
  'input.fraction': ['field', 'value'],
  'input.required': ['field'],
  'input.notObject': ['field'],
  'input.notArray': ['field'],
  'input.oneOf': ['field', 'allowed'],
  'input.exactlyOne': ['field', 'options'],
  'input.needs': ['field', 'needs'],
  'input.unknownRule': ['rule'],
  'input.unknownSymbol': ['symbol'],
  'input.crossNotSupported': ['rule'],
  'input.unreadable': ['detail'],
  'input.belowStep': ['field', 'step'],
  'tiers.empty': [],
  'tiers.noFloor': ['tier'],
  'tiers.noRate': ['tier'],
  'tiers.badNumber': ['tier', 'field'],
  'figure.noLiquidation': [],
  'figure.noBankruptcy': [],
  'figure.noLiquidationFeeRate': [],
  'figure.notComputable': [],
  'figure.equityNotPositive': [],
  'figure.noMaintenance': [],
  'figure.beyondTierTable': [],
  'figure.accountUnknown': [],
  'figure.noStopLoss': [],
  'figure.stopOnWrongSide': ['stop', 'side'],
  'figure.closesPosition': [],
  'figure.liquidatesNow': ['equity', 'requirement'],
  'figure.aboveBracketLeverage': ['leverage', 'max', 'tier', 'notional'],
  'figure.crossUnavailable': [],
  'figure.assumedRate': [],
  'assume.existingIsolatedMargin': ['side', 'leverage'],
  'assume.reducedMarginProRata': [],
  'assume.closeLargerThanPosition': ['side'],
  'assume.limitCrossesMark': ['side'],
  'assume.marketFill': [],
  'assume.maintenanceRate': ['rate', 'symbol'],
  'assume.partialTierTable': ['symbol'],
  'limit.maxLeverage': ['status', 'threshold', 'actual'],
  'limit.maxLoss': ['status', 'threshold', 'actual'],
  'limit.maxLossPct': ['status', 'threshold', 'actual'],
  'limit.maxStopLossPct': ['status', 'threshold', 'actual'],
  'limit.minLiquidationDistancePct': ['status', 'threshold', 'actual'],
  'limit.stopLossRequired': ['status'],
  'limit.minStopBufferPct': ['status', 'threshold', 'actual'],
  'limit.maxCrossExposure': ['status', 'threshold', 'actual'],
  'limit.noLiquidation': ['limit'],
  'limit.isolatedNoCrossExposure': ['limit'],
  'limit.unchecked': ['limit', 'cause'],
  'figure.noSizeLimit': [],
  'figure.sizeIndependentLimit': ['limit'],
  'figure.noSizeFits': [],
  'figure.cappedByMax': ['max'],
  'figure.noFundingRate': [],
  'figure.isolatedNoStress': [],
  'figure.noAccountLiquidation': [],
  'figure.reduceOnlyNoPosition': [],
  'figure.marginRatioEquityCover': [],
  'figure.onlyReduces': [],
  'stop.beyondLiquidation': ['stop', 'liquidation'],
  'stop.insideBuffer': ['buffer', 'threshold'],
  'evaluate.formNotFound': ['cause'],
  'evaluate.cantRead': ['item', 'cause'],
  'evaluate.notSupported': ['item', 'cause'],
  'evaluate.enterSize': [],
  'evaluate.positionUnknown': ['symbol', 'cause'],
  'evaluate.venueNotSupported': ['venue'],
  'evaluate.pageChanged': ['item', 'cause'],
  'evaluate.accountModeNotSupported': ['mode'],
  'evaluate.noContractValue': ['symbol'],
  'evaluate.costNeedsFee': [],
  'evaluate.venueOff': ['venue'],
  'assume.costUnit': ['takerPct'],
  'assume.reduceOnlyUnread': ['cause'],
  'assume.settingsMaintenance': ['rate', 'symbol'],
  'cross.loggedOut': [],
  'cross.loginUnknown': ['cause'],
  'cross.assetModeUnknown': [],
  'cross.otherPositionsUnknown': ['cause'],
  'cross.walletUnknown': ['cause'],
  'cross.enterWallet': [],
  'assume.defaultFee': ['venue', 'tier', 'takerPct'],
  'assume.otherMaintenance': ['symbol', 'rate', 'beyondTable'],
  'assume.loggedOutNewPosition': [],
  'settings.reset': ['cause'],
  'settings.notObject': [],
  'settings.notJson': [],
  'settings.noVersion': [],
  'settings.newer': ['version'],
  'settings.noMigration': ['version'],
  'settings.fields': ['fields'],
  'setting.range': ['min', 'max', 'minIncluded', 'maxIncluded', 'integer'],
  'setting.notNumber': [],
  'setting.notBoolean': [],
  'setting.notOneOf': ['allowed'],
  'setting.unknown': [],
  'background.unreachable': ['detail'],
  'background.refused': ['detail'],
  'page.readFailed': ['detail'],
} as const satisfies ParamNames;

/** Parameters that hold an item code, a nested reason or a count (the rest are strings). */
export const ITEM_PARAMS: ReadonlySet<string> = new Set(['item']);
export const REASON_PARAM_NAMES: ReadonlySet<string> = new Set(['cause']);
/** Parameters that name a risk limit (a LimitKey). */
export const LIMIT_PARAMS: ReadonlySet<string> = new Set(['limit']);
export const NUMBER_PARAMS: ReadonlySet<string> = new Set(['count', 'missing', 'rows', 'cells', 'columns']);

// Compile-time check: every parameter of every code is listed in REASON_PARAMS.
type Unlisted = {
  [C in ReasonCode]: Exclude<keyof ReasonParams[C], (typeof REASON_PARAMS)[C][number]> extends never ? never : C;
}[ReasonCode];
export type AllParamsListed = [Unlisted] extends [never] ? true : Unlisted;
