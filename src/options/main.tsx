import { render } from 'preact';
import { Options } from './Options.tsx';
import { sendToBackground } from '../shared/messaging.ts';
import './options.css';

render(<Options send={sendToBackground} />, document.getElementById('options-root')!);
