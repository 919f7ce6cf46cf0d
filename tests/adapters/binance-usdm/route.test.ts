import { describe, expect, it } from 'vitest';
import { detectBinanceFutures } from '../../../src/adapters/binance-usdm/route';
import { adapterListCases } from '../kit/adapters';
import { reason } from '../../../src/contracts/reasons';

// Which addresses are USDⓈ-M futures trading pages: src/adapters/binance-usdm/README.md, "Pages".
describe('detectBinanceFutures', () => {
  it.each([
    ['https://www.binance.com/futures/BTCUSDT', 'BTCUSDT', null],
    ['https://www.binance.com/en/futures/BTCUSDT', 'BTCUSDT', 'en'],
    ['https://www.binance.com/zh-CN/futures/BTCUSDT/', 'BTCUSDT', 'zh-CN'],
    ['https://www.binance.com/pt-BR/futures/ETHUSDC?x=1#y', 'ETHUSDC', 'pt-BR'],
    ['https://www.binance.com/en-IN/futures/SOLUSDT', 'SOLUSDT', 'en-IN'],
    ['https://www.binance.com/fr/futures/1000PEPEUSDT', '1000PEPEUSDT', 'fr'],
  ])('%s', (url, symbol, pathLocale) => {
    expect(detectBinanceFutures(url)).toEqual({ symbol, pathLocale });
  });

  it.each([
    'https://www.binance.com/en/my/wallet/futures/BTCUSDT',
    'https://www.binance.com/my/wallet/futures/BTCUSDT',
    'https://www.binance.com/en/futures/trading-rules/perpetual',
    'https://www.binance.com/en/delivery/BTCUSD_PERPETUAL',
    'https://www.binance.com/en/futures/btcusdt',
    'https://www.binance.com/en/trade/BTC_USDT',
    'https://binance.com/en/futures/BTCUSDT',
    'https://www.binance.com.evil.test/en/futures/BTCUSDT',
    'http://www.binance.com/en/futures/BTCUSDT',
    'not a url',
  ])('rejects %s', (url) => {
    expect(detectBinanceFutures(url)).toBeNull();
  });

  it('marks dated delivery contracts unsupported', () => {
    expect(detectBinanceFutures('https://www.binance.com/en/futures/BTCUSDT_250926')).toEqual({
      symbol: 'BTCUSDT_250926',
      pathLocale: 'en',
      unsupported: reason('page.datedContract', { symbol: 'BTCUSDT_250926' }),
    });
  });
});

describe('the binance-usdm adapter in the adapter list', () => {
  adapterListCases({
    venue: 'binance-usdm',
    detect: detectBinanceFutures,
    pages: ['https://www.binance.com/en/futures/BTCUSDT'],
    notPages: ['https://www.binance.com/en/my/wallet/futures/BTCUSDT'],
    kind: 'trading pages',
    also: (adapter) => expect(adapter?.detect('https://www.binance.com/en/futures/BTCUSDT_250926')?.unsupported).toEqual(reason('page.datedContract', { symbol: 'BTCUSDT_250926' })),
  });
});
