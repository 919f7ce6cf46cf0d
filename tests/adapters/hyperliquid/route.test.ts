import { describe, expect, it } from 'vitest';
import { detectHyperliquidPerp } from '../../../src/adapters/hyperliquid/route';
import { adapterListCases } from '../kit/adapters';
import { reason } from '../../../src/contracts/reasons';

// Which addresses are Hyperliquid perpetual trading pages: src/adapters/hyperliquid/README.md, "Pages".
describe('detectHyperliquidPerp', () => {
  it.each([
    ['https://app.hyperliquid.xyz/trade/BTC', 'BTC'],
    ['https://app.hyperliquid.xyz/trade/ETH/', 'ETH'],
    ['https://app.hyperliquid.com/trade/SOL', 'SOL'],
    ['https://app.hyperliquid.xyz/trade/kPEPE', 'kPEPE'],
    ['https://app.hyperliquid.xyz/trade/BTC?ref=abc#x', 'BTC'],
    // `/trade` alone: the coin comes from the page title.
    ['https://app.hyperliquid.xyz/trade', ''],
    ['https://app.hyperliquid.xyz/trade/', ''],
  ])('%s', (url, symbol) => {
    expect(detectHyperliquidPerp(url)).toEqual({ symbol });
  });

  it.each([
    'https://app.hyperliquid.xyz/trade/BTC/USDC',
    'https://app.hyperliquid.xyz/trade/@107',
    'https://app.hyperliquid.xyz/portfolio',
    'https://app.hyperliquid.xyz/vaults',
    'https://app.hyperliquid.xyz/staking',
    'https://app.hyperliquid.xyz/referrals',
    'https://app.hyperliquid.xyz/leaderboard',
    'https://app.hyperliquid-testnet.xyz/trade/BTC',
    'https://hyperliquid.xyz/trade/BTC',
    'http://app.hyperliquid.xyz/trade/BTC',
    'https://app.hyperliquid.xyz.evil.test/trade/BTC',
    'https://app.hyperliquid.xyz/en/trade/BTC',
    'https://app.hyperliquid.xyz/trade/XYZ:TSLA',
    'not a url',
  ])('rejects %s', (url) => {
    expect(detectHyperliquidPerp(url)).toBeNull();
  });

  it('recognises a builder-deployed market but marks it unsupported, colon encoded or not', () => {
    const expected = { symbol: 'xyz:TSLA', unsupported: reason('page.builderMarket', { symbol: 'xyz:TSLA' }) };
    expect(detectHyperliquidPerp('https://app.hyperliquid.xyz/trade/xyz:TSLA')).toEqual(expected);
    expect(detectHyperliquidPerp('https://app.hyperliquid.xyz/trade/xyz%3ATSLA')).toEqual(expected);
  });
});

describe('the hyperliquid adapter in the adapter list', () => {
  adapterListCases({
    venue: 'hyperliquid',
    detect: detectHyperliquidPerp,
    pages: ['https://app.hyperliquid.xyz/trade/BTC', 'https://app.hyperliquid.com/trade', 'https://app.hyperliquid.xyz/trade/xyz:TSLA'],
    notPages: ['https://app.hyperliquid.xyz/trade/HYPE/USDC', 'https://app.hyperliquid.xyz/portfolio'],
    kind: 'perpetual trading pages',
  });
});
