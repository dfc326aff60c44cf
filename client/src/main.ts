/** The composition root: wires the page's parts together and starts the explorer. */
import { Explorer } from './explorer.js';

const explorer = new Explorer();
void explorer.start();
