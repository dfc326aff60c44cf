/**
 * Correcting the graph from the explorer, in Debian Chromium against the real server, the real Neo4j and a
 * temporary copy of a notes folder: each action is done the way a user does it (panel buttons, Shift+click in the
 * graph, text selected in a note). The graph and the panel change without a reload, the decision file holds the
 * entry, a re-ingest from scratch gives the same graph, and Undo restores graph, panel and files.
 */
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../queries/database.js';
import { ensureClientBuilt, launchBrowser, nodeScreenPoint, openPage, waitForGraph } from './support/browser.js';
import { startCurationStack, type CurationStack, type DecisionFiles } from './support/curation-stack.js';
import { graphSnapshot, type GraphSnapshot } from './support/graph-snapshot.js';
import { connectTestDatabase } from './support/test-database.js';

let db: Database;
let browser: Browser;

beforeAll(async () => {
  await ensureClientBuilt();
  db = connectTestDatabase();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await db?.close();
});

// Looks run in the page (functions, not strings: the explorer's CSP allows no eval) and read window.__notegraph.
const read = <T>(page: Page, look: () => T): Promise<T> => page.evaluate(look);

/** Polls the page's view-model (not Cytoscape, not pixels) until `look` holds. */
async function until(page: Page, what: string, look: () => boolean, timeout = 30_000): Promise<void> {
  try {
    await page.waitForFunction(look, undefined, { timeout, polling: 100 });
  } catch (error) {
    const lastError = await read(page, () => window.__notegraph!.lastError()).catch(() => 'page gone');
    throw new Error(`waited for ${what}: ${String(error)}\nlast explorer error: ${lastError}`);
  }
}

const yamlOf = (text: string | undefined) => (text === undefined ? {} : (parseYaml(text) as Record<string, unknown>));

/** Waits until the page has shown a live event after the `received` it had seen, and nothing is pending. */
async function quiet(page: Page, received: number): Promise<void> {
  await page.waitForFunction((before) => {
    const { received: now, applied } = window.__notegraph!.liveUpdates();
    return now > before && applied === now;
  }, received, { timeout: 30_000, polling: 100 });
}

/** Selects `text` inside the first note card of the panel that holds it, as a user's drag would. */
async function selectInNote(page: Page, text: string): Promise<void> {
  const found = await page.evaluate((wanted) => {
    for (const body of document.querySelectorAll<HTMLElement>('#panel .note-text')) {
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      let offset = 0;
      const full = body.textContent ?? '';
      const start = full.indexOf(wanted);
      if (start < 0) continue;
      const range = document.createRange();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (offset <= start && start < offset + length) range.setStart(node, start - offset);
        if (offset < start + wanted.length && start + wanted.length <= offset + length) range.setEnd(node, start + wanted.length - offset);
        offset += length;
      }
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
    return false;
  }, text);
  expect(found, `a note in the panel holds "${text}"`).toBe(true);
}

describe('correcting the graph in the explorer', () => {
  let stack: CurationStack;
  let baseline: GraphSnapshot;
  let baselineFiles: DecisionFiles;
  const files = () => stack.decisionFiles();

  beforeAll(async () => {
    stack = await startCurationStack({ db, client: true });
    baseline = await graphSnapshot(db);
    baselineFiles = await files();
  });

  // A failed case must not leave its decision behind for the next one.
  afterEach(() => stack.restoreDecisionFiles(baselineFiles));

  afterAll(async () => {
    await stack?.close();
  });

  /** The explorer with `concept` selected and its panel (with the Correct section) shown. */
  async function openConcept(concept: string): Promise<{ page: Page; problems: string[] }> {
    const opened = await openPage(browser);
    opened.page.on('response', (response) => {
      if (response.status() >= 400) opened.problems.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
    });
    await opened.page.goto(`${stack.server.url}/?concept=${concept}`);
    await waitForGraph(opened.page, opened.problems);
    await opened.page.locator('#panel .curation').waitFor();
    // A reload would lose this: the change must reach the open page.
    await opened.page.evaluate(() => Object.assign(window, { notReloaded: true }));
    return opened;
  }

  interface Case {
    action: string;
    concept: string;
    act(page: Page): Promise<void>;
    /** The view-model shows the change (polled). */
    shows: () => boolean;
    /** The view-model is as before (polled after Undo). */
    restored: () => boolean;
    /** Text the panel shows after the change. */
    panel: RegExp;
    file(lexicon: Record<string, unknown>, relations: Record<string, unknown>): void;
    /** How the user undoes it: the Undo next to the change, or the keyboard. */
    undo?: 'button' | 'keys';
  }

  const cases: Case[] = [
    {
      action: 'renames a concept from its panel',
      concept: 'ceph',
      act: async (page) => {
        await page.getByRole('button', { name: 'Rename…' }).click();
        await page.getByLabel('New name').fill('Ceph storage');
        await page.getByRole('button', { name: 'Rename', exact: true }).click();
      },
      shows: () => window.__notegraph!.nodeData('ceph')?.label === 'Ceph storage',
      restored: () => window.__notegraph!.nodeData('ceph')?.label === 'Ceph',
      panel: /^Ceph storage$/m,
      undo: 'keys',
      file: (lexicon) => expect(lexicon).toMatchObject({ decisions: { rename: { ceph: 'Ceph storage' } } }),
    },
    {
      action: 'changes the kind of a concept',
      concept: 'rabbitmq',
      act: async (page) => {
        await page.locator('#panel .curation select[aria-label="Kind"]').selectOption('tool');
      },
      shows: () => window.__notegraph!.nodeData('rabbitmq')?.kind === 'tool',
      restored: () => window.__notegraph!.nodeData('rabbitmq')?.kind === 'project',
      panel: /^tool · /m,
      file: (lexicon) => expect(lexicon).toMatchObject({ decisions: { kind: { rabbitmq: 'tool' } } }),
    },
    {
      action: 'merges two concepts picked in the graph (Shift+click, "Merge … into …")',
      concept: 'rbd-driver',
      act: async (page) => {
        const point = await nodeScreenPoint(page, 'rados-block-device');
        await page.keyboard.down('Shift');
        await page.mouse.click(point.x, point.y);
        await page.keyboard.up('Shift');
        await until(page, 'RADOS block device picked', () => window.__notegraph!.pickedIds().includes('rados-block-device') && window.__notegraph!.selectedId() === 'rbd-driver');
        await page.getByRole('button', { name: 'Merge RBD driver into RADOS block device' }).click();
      },
      shows: () => !window.__notegraph!.hasNode('rbd-driver') && window.__notegraph!.selectedId() === 'rados-block-device' && !window.__notegraph!.edgeList().some((edge) => edge.includes('rbd-driver')),
      restored: () => window.__notegraph!.hasNode('rbd-driver') && window.__notegraph!.hasNode('rados-block-device'),
      panel: /RBD driver/,
      file: (lexicon) => expect(lexicon).toMatchObject({ decisions: { merge: { 'rbd-driver': 'rados-block-device' } } }),
    },
    {
      action: 'splits an alias off into a concept of its own',
      concept: 'rados-block-device',
      act: async (page) => {
        await page.getByRole('button', { name: 'Split rbd off into its own concept', exact: true }).click();
      },
      shows: () => window.__notegraph!.hasNode('rbd') && window.__notegraph!.selectedId() === 'rbd',
      restored: () => !window.__notegraph!.hasNode('rbd'),
      panel: /^rbd$/m,
      file: (lexicon) => expect(lexicon).toMatchObject({ decisions: { split: [{ from: 'rados-block-device', alias: 'rbd', name: 'rbd', kind: 'component' }] } }),
    },
    {
      action: 'hides a concept ("not a concept"): it goes with its edges',
      concept: 'pool',
      act: async (page) => {
        await page.getByRole('button', { name: /^Hide .* \(not a concept\)$/ }).click();
      },
      shows: () => !window.__notegraph!.hasNode('pool') && window.__notegraph!.selectedId() === null && !window.__notegraph!.edgeList().some((edge) => edge.split(' ').includes('pool')),
      restored: () => window.__notegraph!.hasNode('pool'),
      panel: /^$/,
      file: (lexicon) => expect((lexicon.stopwords as string[]).map((word) => word.toLowerCase())).toContain('pool'),
    },
    {
      action: 'makes a concept from text selected in a note',
      concept: 'paxos',
      act: async (page) => {
        await selectInNote(page, 'Quillmark exporter');
        await page.getByRole('button', { name: 'Make concept from selection…' }).click();
        await page.getByLabel('Kind of the new concept').selectOption('tool');
        await page.getByRole('button', { name: 'Make concept', exact: true }).click();
      },
      shows: () => window.__notegraph!.hasNode('quillmark-exporter') && window.__notegraph!.selectedId() === 'quillmark-exporter',
      restored: () => !window.__notegraph!.hasNode('quillmark-exporter'),
      panel: /^Quillmark exporter$/m,
      file: (lexicon) => expect(lexicon.concepts).toContainEqual({ name: 'Quillmark exporter', kind: 'tool' }),
    },
    {
      action: 'removes a wrong typed relation',
      concept: 'nova',
      act: async (page) => {
        await page.getByRole('button', { name: 'Remove Nova USES RabbitMQ' }).click();
      },
      shows: () => !window.__notegraph!.edgeList().includes('nova USES rabbitmq'),
      restored: () => window.__notegraph!.edgeList().includes('nova USES rabbitmq'),
      panel: /^Nova$/m,
      file: (_lexicon, relations) => expect(relations).toEqual({ remove: [{ source: 'nova', type: 'USES', target: 'rabbitmq' }] }),
    },
    {
      action: 'adds a typed relation with the selected sentence as its evidence',
      concept: 'paxos',
      act: async (page) => {
        await selectInNote(page, 'keeps the monitors');
        await page.getByRole('button', { name: 'Add relation from selected sentence…' }).click();
        await page.getByLabel('Relation type').selectOption('PART_OF');
        await page.getByLabel('Other concept').fill('Ceph');
        await page.getByRole('button', { name: 'Add relation', exact: true }).click();
      },
      shows: () => window.__notegraph!.edgeList().includes('paxos PART_OF ceph'),
      restored: () => !window.__notegraph!.edgeList().includes('paxos PART_OF ceph'),
      panel: /PART_OF/,
      file: (_lexicon, relations) =>
        expect(relations).toMatchObject({ add: [{ source: 'paxos', type: 'PART_OF', target: 'ceph', evidence: 'Paxos keeps the monitors in agreement.' }] }),
    },
  ];

  it.each(cases)('$action; a fresh ingest agrees and Undo restores graph, panel and file', async ({ concept, act, shows, restored, panel, file, undo }) => {
    const { page, problems } = await openConcept(concept);
    const loads = await read(page, () => window.__notegraph!.loads());
    const live = await read(page, () => window.__notegraph!.liveUpdates().received);
    await act(page);
    await until(page, 'the change in the graph', shows);
    await expect.poll(() => page.locator('#panel').innerText(), { timeout: 10_000 }).toMatch(panel);
    await page.locator('#curation-undo').waitFor();
    expect(await read(page, () => window.__notegraph!.loads())).toBe(loads);
    expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);

    const written = await files();
    file(yamlOf(written.lexicon), yamlOf(written.relations));
    await stack.live.refresher.idle();
    // The background recompute tells the page, which refreshes what it shows; only then is the graph reset below.
    await quiet(page, live);
    const after = await graphSnapshot(db);
    await stack.reingestFromScratch();
    expect(await graphSnapshot(db)).toEqual(after);

    if (undo === 'keys') await page.keyboard.press('ControlOrMeta+Z');
    else await page.locator('#curation-undo').click();
    await until(page, 'the graph as before', restored);
    await stack.live.refresher.idle();
    expect(await files()).toEqual(baselineFiles);
    expect(await graphSnapshot(db)).toEqual(baseline);
    expect(await read(page, () => window.__notegraph!.loads())).toBe(loads);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows a correction made in another window without a reload; an Undo clicked while the first still updates is not lost', async () => {
    const first = await openConcept('placement');
    const second = await openConcept('placement');
    // The first window's view update after the rename waits until its Undo has been clicked (as on a loaded
    // machine, where that update can outlast the other window's): the click must still take the rename back.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await first.page.route('**/api/concepts/**', async (route) => {
      await held;
      await route.continue();
    });
    await first.page.getByRole('button', { name: 'Rename…' }).click();
    await first.page.getByLabel('New name').fill('Placement service');
    await first.page.getByRole('button', { name: 'Rename', exact: true }).click();
    await until(second.page, 'the rename in the other window', () => window.__notegraph!.nodeData('placement')?.label === 'Placement service');
    await expect.poll(() => second.page.locator('#panel-title').innerText(), { timeout: 10_000 }).toBe('Placement service');
    expect(await second.page.evaluate(() => 'notReloaded' in window)).toBe(true);
    await first.page.locator('#curation-undo').click();
    release();
    await until(second.page, 'the undo in the other window', () => window.__notegraph!.nodeData('placement')?.label === 'Placement');
    await until(first.page, 'the undo in the window that made it', () => window.__notegraph!.nodeData('placement')?.label === 'Placement');
    await stack.live.refresher.idle();
    expect(await files()).toEqual(baselineFiles);
    for (const { page } of [first, second]) await page.context().close();
  });
});

describe('a server that is read-only', () => {
  let stack: CurationStack;

  beforeAll(async () => {
    // The edit guard believes HOST: a network address without NOTEGRAPH_EDIT_TOKEN means read-only.
    stack = await startCurationStack({ db, client: true, host: '0.0.0.0' });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('says so in the toolbar and in the panel, and offers no corrections', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${stack.server.url}/?concept=ceph`);
    await waitForGraph(page, problems);
    await page.locator('#panel .curation-read-only').waitFor();
    await expect(page.locator('#read-only-badge').innerText()).resolves.toBe('Read-only');
    await expect(page.locator('#read-only-badge').getAttribute('title')).resolves.toContain('read-only');
    await expect(page.locator('#panel .curation-read-only').innerText()).resolves.toContain('NOTEGRAPH_EDIT_TOKEN');
    expect(await page.getByRole('button', { name: 'Rename…' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('live notes in an open explorer', () => {
  let stack: CurationStack;

  beforeAll(async () => {
    stack = await startCurationStack({ db, client: true, watch: true });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('shows a concept named in a paragraph appended to a note file, with a quiet "updated:" message and no reload', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${stack.server.url}/?concept=nova`);
    await waitForGraph(page, problems);
    await page.locator('#panel .note').first().waitFor();
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    expect(await read(page, () => window.__notegraph!.hasNode('zephyr-queue'))).toBe(false);
    const loads = await read(page, () => window.__notegraph!.loads());

    await appendFile(path.join(stack.notesDir, 'compute.md'), '\n## Jobs\n\nNova now hands long jobs to Zephyr Queue.\n');

    await until(page, 'Zephyr Queue in the graph', () => window.__notegraph!.hasNode('zephyr-queue'), 60_000);
    await page.getByText('updated: compute.md').waitFor({ timeout: 10_000 });
    // The open panel follows too: Nova's notes now include the new paragraph.
    await expect.poll(() => page.locator('#panel').innerText(), { timeout: 10_000 }).toContain('Zephyr Queue');
    expect(await read(page, () => window.__notegraph!.loads())).toBe(loads);
    expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
