/** This venue's content script (the manifest runs it on the registry's origins for this venue). */
import { runContentScript } from '../../content/run';
import { adapter } from './index';

runContentScript(adapter);
