// @vitest-environment happy-dom
import { it } from 'vitest';
import { render } from 'preact';
import { writeFileSync, readFileSync } from 'node:fs';
import { evaluateSnapshot } from '../../background/evaluate';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { buildSnapshot, read } from '../../../tests/support/snapshots';
import { SidePictures } from './index';
it('dump', () => {
  const r = evaluateSnapshot(buildSnapshot({ quantity: read('0.300') }, { stopLoss: read('62000') }), DEFAULT_SETTINGS);
  if (!('evaluation' in r)) throw new Error('x');
  const root = document.body.appendChild(document.createElement('div'));
  render(<>{r.evaluation.sides.map((s) => <SidePictures evaluation={r.evaluation} side={s} />)}</>, root);
  const css = readFileSync('src/ui/pictures/pictures.css', 'utf8');
  for (const theme of ['dark', 'light']) {
    const bg = theme === 'dark' ? 'background:#1e2329;color:#eaecef' : 'background:#fff;color:#1e2329';
    writeFileSync(`/tmp/pic-${theme}.html`, `<html data-theme="${theme}"><head><style>${css} body{${bg};font:13px system-ui} .pictures{display:flex;gap:8px}</style></head><body>${root.innerHTML.replaceAll('<details', '<details open')}</body></html>`);
  }
});
