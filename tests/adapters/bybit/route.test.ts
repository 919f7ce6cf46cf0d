import { describe, expect, it } from 'vitest';
import { detectBybitPerpetual } from '../../../src/adapters/bybit/route';
import { adapterListCases } from '../kit/adapters';

// Which addresses are USDT-perpetual trading pages: src/adapters/bybit/README.md, "Pages".
describe('detectBybitPerpetual', () => {
  it.each([
    ['https://www.bybit.com/trade/usdt/BTCUSDT', 'BTCUSDT'],
    ['https://www.bybit.com/en-US/trade/usdt/BTCUSDT', 'BTCUSDT'],
    ['https://www.bybit.com/zh-MY/trade/usdt/ETHUSDT/', 'ETHUSDT'],
    ['https://www.bybit.com/pt-BR/trade/usdt/SOLUSDT?direction=long&entry=150#x', 'SOLUSDT'],
    ['https://www.bybit.com/fr-FR/trade/usdt/1000PEPEUSDT', '1000PEPEUSDT'],
  ])('%s', (url, symbol) => {
    expect(detectBybitPerpetual(url)).toEqual({ symbol });
  });

  it.each([
    'https://www.bybit.com/trade/inverse/BTCUSD',
    'https://www.bybit.com/en-US/trade/spot/BTC/USDT',
    'https://www.bybit.com/trade/option/usdc/BTC',
    'https://www.bybit.com/trade/usdc/BTCPERP',
    'https://www.bybit.com/trade/usdt/BTCUSDC',
    'https://www.bybit.com/trade/usdt/btcusdt',
    'https://www.bybit.com/en/trade/usdt/BTCUSDT',
    'https://www.bybit.com/en-us/trade/usdt/BTCUSDT',
    'https://www.bybit.com/en-US/futures/BTCUSDT',
    'https://www.bybit.com/trade/usdt/',
    'https://www.bybitglobal.com/trade/usdt/BTCUSDT',
    'https://bybit.com/trade/usdt/BTCUSDT',
    'https://www.bybit.com.evil.test/trade/usdt/BTCUSDT',
    'http://www.bybit.com/trade/usdt/BTCUSDT',
    'not a url',
  ])('rejects %s', (url) => {
    expect(detectBybitPerpetual(url)).toBeNull();
  });
});

describe('the bybit adapter in the adapter list', () => {
  adapterListCases({
    venue: 'bybit',
    detect: detectBybitPerpetual,
    pages: ['https://www.bybit.com/en-US/trade/usdt/BTCUSDT'],
    notPages: ['https://www.bybit.com/trade/inverse/BTCUSD', 'https://www.bybit.com/en-US/'],
    kind: "the site's trading pages",
  });
});
