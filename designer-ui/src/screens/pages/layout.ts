// Pure edits of a page file ({$schema?, data: {layout: [components]}}). Every edit
// copies what it changes and keeps everything else as read, so properties the
// designer does not know survive a save.
import type { DataModel, LayoutSet, ModelField } from '../../api/types';

/** A component as stored: id and type, and whatever else it has. */
export type Component = Record<string, unknown> & { id: string; type: string };
/** A page file as stored. */
export type LayoutFile = Record<string, unknown>;

export const LAYOUT_SCHEMA = 'https://altinncdn.no/toolkits/altinn-app-frontend/4/schemas/json/layout/layout.schema.v1.json';

export const COMPONENT_TYPES = ['Input', 'TextArea', 'Header', 'Paragraph'] as const;
export type ComponentType = (typeof COMPONENT_TYPES)[number];

/** The boolean-or-expression properties the form edits. */
export const FLAGS = [
  { prop: 'required', label: 'Is required', exprLabel: 'Required expression (JSON)' },
  { prop: 'hidden', label: 'Is hidden', exprLabel: 'Hidden expression (JSON)' },
  { prop: 'readOnly', label: 'Is read-only', exprLabel: 'Read-only expression (JSON)' },
] as const;
export type Flag = (typeof FLAGS)[number]['prop'];

export function emptyPage(): LayoutFile {
  return { $schema: LAYOUT_SCHEMA, data: { layout: [] } };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** components is the page's component list ([] when the file has none). */
export function components(file: LayoutFile | null | undefined): Component[] {
  const data = file?.data;
  if (!isRecord(data) || !Array.isArray(data.layout)) return [];
  return data.layout.filter((c): c is Component => isRecord(c) && typeof c.id === 'string');
}

/** withComponents is file with its component list replaced. */
export function withComponents(file: LayoutFile, list: Component[]): LayoutFile {
  const data = isRecord(file.data) ? file.data : {};
  return { ...file, data: { ...data, layout: list } };
}

/** newComponent is a component of type with an id no page of the app uses yet. */
export function newComponent(type: ComponentType, taken: Set<string>): Component {
  const base = type.toLowerCase();
  let n = 1;
  while (taken.has(`${base}-${n}`)) n++;
  const c: Component = { id: `${base}-${n}`, type, textResourceBindings: { title: '' } };
  if (type === 'Input' || type === 'TextArea') c.dataModelBindings = { simpleBinding: '' };
  if (type === 'Header') c.size = 'L';
  return c;
}

/** move shifts the component at i by delta (-1 up, +1 down) if it can. */
export function move(list: Component[], i: number, delta: number): Component[] {
  const j = i + delta;
  if (i < 0 || j < 0 || j >= list.length) return list;
  const out = [...list];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

/** update is list with the component id changed by fn. */
export function update(list: Component[], id: string, fn: (c: Component) => Component): Component[] {
  return list.map((c) => (c.id === id ? fn(c) : c));
}

/** setIn sets (or with undefined deletes) key in the object property prop of c. */
export function setIn(c: Component, prop: string, key: string, value: string | undefined): Component {
  const inner = isRecord(c[prop]) ? { ...(c[prop] as Record<string, unknown>) } : {};
  if (value === undefined) delete inner[key];
  else inner[key] = value;
  return { ...c, [prop]: inner };
}

/** setProp sets or (undefined) deletes a top-level property. */
export function setProp(c: Component, prop: string, value: unknown): Component {
  const out: Component = { ...c };
  if (value === undefined) delete out[prop];
  else out[prop] = value;
  return out;
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/**
 * renameRefs renames component from to to in a page file the way the studio's rename
 * does it: the id, group children, Summary componentRef and ["component", id] in
 * expressions. Used for the local copy of a page with unsaved changes.
 */
export function renameRefs(file: LayoutFile, from: string, to: string): LayoutFile {
  const walk = (v: unknown, key?: string): unknown => {
    if (Array.isArray(v)) {
      if (v.length === 2 && v[0] === 'component' && v[1] === from) return ['component', to];
      if (key === 'children') return v.map((x) => (x === from ? to : walk(x)));
      return v.map((x) => walk(x));
    }
    if (isRecord(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        out[k] = (k === 'id' || k === 'componentRef') && x === from ? to : walk(x, k);
      }
      return out;
    }
    return v;
  };
  return walk(file) as LayoutFile;
}

/** modelFor is the data model a layout set binds to. */
export function modelFor(set: LayoutSet | undefined, models: DataModel[]): DataModel | undefined {
  if (!set?.dataType) return undefined;
  return models.find((m) => m.dataType === set.dataType) ?? models.find((m) => m.id === set.dataType);
}

/** bindableFields are the model's leaf fields outside repeating groups. */
export function bindableFields(model: DataModel | undefined): ModelField[] {
  if (!model) return [];
  const groups = model.fields.filter((f) => f.repeating).map((f) => f.path + '.');
  return model.fields.filter(
    (f) => !f.repeating && f.type !== 'object' && f.type !== 'array' && !groups.some((g) => f.path.startsWith(g)),
  );
}

/** parseExpression reads an expression's JSON; it is an array (or a boolean). */
export function parseExpression(text: string): { value?: unknown; error?: string } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return { error: `Not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!Array.isArray(v) && typeof v !== 'boolean') return { error: 'An expression is a JSON array, such as ["equals", ["component", "id"], "ja"].' };
  return { value: v };
}
