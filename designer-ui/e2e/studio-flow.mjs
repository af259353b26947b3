// The service owner's whole path through the designer, in Debian's Chromium with
// playwright-core: sign in, create an app, upload a real XSD as its data model, add
// a page with three inputs bound to model fields, give them texts (one edited in
// nn), see the nn text in the preview, release, deploy to test, then open the app
// in the runtime as a citizen and submit it. axe-core runs on every screen and
// fails the run on a serious or critical violation.
//
// cmd/blankett/studio_flow_test.go starts `blankett serve --dev` and runs this
// script with node; it then downloads the submission and checks its data. By hand:
//   BASE=http://127.0.0.1:8080 PASSWORD=… XSD=…/dat-bilpleie-soknad.xsd APP=flow \
//   CHROMIUM=/usr/bin/chromium node designer-ui/e2e/studio-flow.mjs
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { readFileSync } from 'node:fs';

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`set ${name}`);
  return v;
};
const BASE = env('BASE');
const PASSWORD = env('PASSWORD');
const XSD = env('XSD');
const APP = env('APP');
const CHROMIUM = env('CHROMIUM');
// axe-core's source, evaluated through DevTools: the runtime's CSP (rightly) refuses
// an injected <script>.
const AXE = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** The three model fields the new page binds, their text keys and what the citizen types. */
const FIELDS = [
  { path: 'Innhold.KontaktPersonNavn', key: 'kontakt.navn', nb: 'Navn på kontaktperson', nn: 'Namn på kontaktperson', value: 'Kari Nordmann' },
  { path: 'Innhold.KontaktPersonEpost', key: 'kontakt.epost', nb: 'E-post til kontaktperson', value: 'kari@example.no' },
  { path: 'Innhold.KontaktPersonTelefonNr', key: 'kontakt.telefon', nb: 'Telefon til kontaktperson', value: '99887766' },
];

const step = (msg) => console.log(`[flow] ${msg}`);

/** shot saves a screenshot into $SHOTS (when set), for looking at the screens. */
async function shot(page, name) {
  if (process.env.SHOTS) await page.screenshot({ path: path.join(process.env.SHOTS, `${name}.png`), fullPage: true });
}

/** axe injects axe-core and fails on serious or critical violations of the page. */
async function axe(page, where) {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'], iframes: false });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  if (found.length) throw new Error(`axe on ${where}:\n  ${found.join('\n  ')}`);
}

async function heading(page, text) {
  await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();
}

/** status waits for a live region to say text. */
async function status(page, text) {
  await page.locator('[role="status"]', { hasText: text }).first().waitFor();
}

async function main() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const page = await browser.newPage();
  page.setDefaultTimeout(20_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    step('sign in');
    await page.goto(`${BASE}/studio/`);
    await heading(page, 'Log in to Blankett Studio');
    await page.fill('input[name="username"]', 'dev');
    await page.fill('input[name="password"]', PASSWORD);
    await page.click('form button[type="submit"]');
    await heading(page, 'Your apps');
    await axe(page, 'dashboard');

    step('create the app');
    await page.fill('input[name="app-name"]', APP);
    await page.click('form:has(input[name="app-name"]) button[type="submit"]');
    await heading(page, `ttd/${APP}`);

    step('upload the XSD as the data model');
    await page.getByRole('link', { name: 'Data model', exact: true }).click();
    await heading(page, 'Data model');
    await page.getByLabel('Model name').fill('model');
    await page.getByLabel('XSD file').setInputFiles(XSD);
    await page.getByRole('button', { name: 'Upload XSD' }).click();
    await status(page, 'Uploaded model');
    await page.getByText(FIELDS[0].path, { exact: true }).first().waitFor();
    await axe(page, 'data model');
    await shot(page, 'data-model');

    step('add a page with three inputs bound to model fields');
    await page.getByRole('link', { name: 'Pages', exact: true }).click();
    await heading(page, 'Pages');
    await page.getByLabel('New page name').fill('kontakt');
    await page.getByRole('button', { name: 'Add page', exact: true }).click();
    await page.getByRole('button', { name: 'kontakt', exact: true }).waitFor();
    await page.getByRole('button', { name: 'kontakt', exact: true }).click();
    for (const f of FIELDS) {
      await page.getByLabel('Component type').selectOption('Input');
      await page.getByRole('button', { name: 'Add component', exact: true }).click();
      await page.getByLabel('Data model field').selectOption(f.path);
      await page.getByLabel('Title text key').fill(f.key);
    }
    await page.getByRole('button', { name: 'Save page', exact: true }).click();
    await status(page, 'Saved');
    await axe(page, 'pages');

    step('delete the template page, whose input is bound to a field the new model lacks');
    await page.getByRole('button', { name: 'side1', exact: true }).click();
    await page.getByRole('button', { name: 'Delete page', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, delete side1', exact: true }).click();
    await page.getByRole('button', { name: 'side1', exact: true }).waitFor({ state: 'detached' });

    step('rename the page');
    await page.getByRole('button', { name: 'kontakt', exact: true }).click();
    await page.getByLabel('Rename page to').fill('kontaktinfo');
    await page.getByRole('button', { name: 'Rename page', exact: true }).click();
    await status(page, 'Renamed the page kontakt to kontaktinfo');

    step('texts: add the three keys in nb and one in nn');
    await page.getByRole('link', { name: 'Texts', exact: true }).click();
    await heading(page, `Texts of ttd/${APP}`);
    for (const f of FIELDS) {
      await page.getByLabel('Text key', { exact: true }).fill(f.key);
      await page.getByRole('button', { name: 'Add a text key', exact: true }).click();
      const nb = page.locator(`input[aria-label="${f.key} (nb)"]`);
      await nb.fill(f.nb);
      await nb.blur();
      await status(page, `Saved “${f.key}” in nb`);
    }
    // A rename cascades into the page's title binding in the same commit: the
    // citizen still sees the phone field's label below.
    await page.getByLabel('Key to rename').selectOption(FIELDS[2].key);
    await page.getByLabel('New key', { exact: true }).fill('kontakt.mobil');
    await page.getByRole('button', { name: 'Rename key', exact: true }).click();
    await status(page, `Renamed “${FIELDS[2].key}” to “kontakt.mobil”`);
    await page.locator('input[aria-label="kontakt.mobil (nb)"]').waitFor();
    const nn = page.locator(`input[aria-label="${FIELDS[0].key} (nn)"]`);
    await nn.fill(FIELDS[0].nn);
    await nn.blur();
    await status(page, `Saved “${FIELDS[0].key}” in nn`);
    await axe(page, 'texts');

    step('see the nn text in the preview');
    await page.getByRole('link', { name: 'Pages', exact: true }).click();
    await heading(page, 'Pages');
    await page.getByRole('button', { name: 'kontaktinfo', exact: true }).click();
    await page.getByLabel('Preview language').selectOption('nn');
    const preview = page.frameLocator('iframe[title="Preview"]');
    await preview.getByText(FIELDS[0].nn).first().waitFor();
    await shot(page, 'pages-preview');

    step('release v1 from my branch and deploy it to test');
    await page.getByRole('link', { name: 'Releases and deploys', exact: true }).click();
    await heading(page, `Releases of ttd/${APP}`);
    await page.getByRole('radio', { name: /my branch/ }).check();
    await page.getByLabel('Version', { exact: true }).fill('v1');
    await page.getByRole('button', { name: 'Create release' }).click();
    await page.getByLabel('Version to deploy to test').selectOption('v1');
    await page.getByRole('button', { name: 'Deploy to test' }).click();
    await page.locator('article', { hasText: 'by dev' }).getByText(/v1 by dev.*succeeded/).waitFor();
    await axe(page, 'releases');

    step('a citizen opens the app in the runtime and submits it');
    await page.goto(`${BASE}/ttd/${APP}/`);
    await page.click('input[name="user"][value="15888010030"]');
    await page.click('button[type="submit"]');
    await page.locator('form[action$="/new"] button').click();
    await page.waitForURL(/\/instance\//);
    await axe(page, 'the form');
    for (const f of FIELDS) {
      await page.getByLabel(f.nb, { exact: true }).fill(f.value);
    }
    await page.click('button[value="submit"]');
    await page.waitForURL(/\/receipt$/);
    await axe(page, 'the receipt');
    if (errors.length) throw new Error(`script errors in the pages:\n  ${errors.join('\n  ')}`);
    step('done');
  } catch (e) {
    const shot = process.env.SCREENSHOT;
    if (shot) await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
    console.error(`[flow] failed at ${page.url()}`);
    throw e;
  } finally {
    await browser.close();
  }
}

await main();
