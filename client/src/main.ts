/** The composition root: wires the page's parts together and starts the explorer. */
import { installCuration } from './curation/explorer-curation.js';
import { Explorer } from './explorer.js';
import { bindShortcuts } from './keyboard.js';
import { installTestHandle } from './test-handle.js';
import { bindToolbar, shortcutHandlers } from './toolbar.js';
import { parseViewState } from './view-model/url-state.js';
import { applyState } from './views.js';

const explorer = new Explorer();
bindToolbar(explorer);
bindShortcuts(document, shortcutHandlers(explorer));
window.addEventListener('popstate', () => void applyState(explorer, parseViewState(window.location.search)));
installCuration(explorer);
installTestHandle(explorer);
void applyState(explorer, explorer.state, true).catch((error: unknown) => explorer.reportError(error, 'Starting the explorer failed'));
