// Worker threads do not inherit tsx's loader; this plain-JS entry registers it and loads the TypeScript worker.
import { tsImport } from 'tsx/esm/api';

await tsImport('./console-worker-main.ts', import.meta.url);
