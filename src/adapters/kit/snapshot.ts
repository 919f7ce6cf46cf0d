import type { Field, FormSnapshot, SnapshotKey } from '../../contracts/snapshot';
import type { VenueId } from '../../venues/registry';
import { missing } from './fields';

// Every field but `form`, listed once (the type makes the list complete).
const EVERY_FIELD: Record<Exclude<SnapshotKey, 'form'>, true> = {
  symbol: true, baseAsset: true, quoteAsset: true, loggedIn: true, sides: true, positionMode: true, action: true, assetMode: true,
  orderType: true, price: true, quantity: true, quantityUnit: true, leverage: true, marginMode: true, takeProfit: true,
  stopLoss: true, reduceOnly: true, available: true, maxBuy: true, maxSell: true, walletBalance: true, marginBalance: true,
  maintenanceMargin: true, unrealizedPnl: true, marginRatio: true, markPrice: true, fundingRate: true, ownPositions: true, otherPositions: true,
};
const KEYS = Object.keys(EVERY_FIELD);

/** A snapshot where nothing past `form` could be read: every field carries the form's reason. */
export function emptySnapshot(venue: VenueId, url: string, form: Field<true>): FormSnapshot {
  const why = form.why;
  const fields = Object.fromEntries(KEYS.map((key) => [key, why ? missing(why) : { status: 'missing' }]));
  return { venue, url, form, ...fields } as FormSnapshot;
}
