import { describe, expect, it } from 'vitest';
import { detectOkxSwap } from '../../../src/adapters/okx/route';
import { adapterListCases } from '../kit/adapters';
import { reason } from '../../../src/contracts/reasons';

// Which addresses are OKX swap trading pages: src/adapters/okx/README.md, "Pages".
describe('detectOkxSwap', () => {
  it.each([
    ['https://www.okx.com/trade-swap/btc-usdt-swap', 'BTC-USDT-SWAP', null],
    ['https://www.okx.com/trade-swap/btc-usdt-swap/', 'BTC-USDT-SWAP', null],
    ['https://www.okx.com/zh-hans/trade-swap/eth-usdt-swap', 'ETH-USDT-SWAP', 'zh-hans'],
    ['https://www.okx.com/pt-br/trade-swap/btc-usdc-swap?x=1#y', 'BTC-USDC-SWAP', 'pt-br'],
    ['https://www.okx.com/en-us/trade-swap/sol-usdt-swap', 'SOL-USDT-SWAP', 'en-us'],
    ['https://www.okx.com/fr/trade-swap/1inch-usdt-swap', '1INCH-USDT-SWAP', 'fr'],
  ])('%s', (url, symbol, pathLocale) => {
    expect(detectOkxSwap(url)).toEqual({ symbol, pathLocale });
  });

  it.each([
    'https://www.okx.com/trade-spot/btc-usdt',
    'https://www.okx.com/trade-margin/btc-usdt',
    'https://www.okx.com/trade-option/btc-usd',
    'https://www.okx.com/balance/overview',
    'https://www.okx.com/trade-swap/BTC-USDT-SWAP',
    'https://www.okx.com/trade-swap/btc-usdt',
    'https://www.okx.com/trade-swap/btc-eur-swap',
    'https://www.okx.com/zh-hans-cn/trade-swap/btc-usdt-swap',
    'https://okx.com/trade-swap/btc-usdt-swap',
    'https://www.okx.com.evil.test/trade-swap/btc-usdt-swap',
    'http://www.okx.com/trade-swap/btc-usdt-swap',
    'https://www.binance.com/trade-swap/btc-usdt-swap',
    'not a url',
  ])('rejects %s', (url) => {
    expect(detectOkxSwap(url)).toBeNull();
  });

  it('recognises coin-margined swaps and dated futures, as unsupported', () => {
    expect(detectOkxSwap('https://www.okx.com/trade-swap/btc-usd-swap')).toEqual({
      symbol: 'BTC-USD-SWAP', pathLocale: null, unsupported: reason('page.unsupportedQuote', { symbol: 'BTC-USD-SWAP' }),
    });
    expect(detectOkxSwap('https://www.okx.com/zh-hans/trade-futures/btc-usdt-250926')).toEqual({
      symbol: 'BTC-USDT-250926', pathLocale: 'zh-hans', unsupported: reason('page.datedContract', { symbol: 'BTC-USDT-250926' }),
    });
  });
});

describe('the okx adapter in the adapter list', () => {
  adapterListCases({
    venue: 'okx',
    detect: detectOkxSwap,
    pages: ['https://www.okx.com/zh-hans/trade-swap/btc-usdt-swap'],
    notPages: ['https://www.okx.com/trade-spot/btc-usdt'],
    kind: 'swap trading pages',
  });
});
