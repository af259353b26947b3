// The properties form of one component. Edits go to the page's local copy; the id
// is different: a changed id is a rename of the component everywhere (its own
// commit), not part of the page save. required/hidden/readOnly are No, Yes or an
// expression written as JSON, checked when the page is saved.
import { Button, Heading, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { ModelField } from '../../api/types';
import { SelectField } from '../../ui/SelectField';
import { FLAGS, setIn, setProp, str, type Component, type Flag } from './layout';

export interface PropertiesProps {
  component: Component;
  fields: ModelField[];
  /** Whether the layout set has a data model to bind to. */
  hasModel: boolean;
  /** The expression texts being edited, by property. */
  exprs: Partial<Record<Flag, string>>;
  exprErrors: Partial<Record<Flag, string>>;
  isFirst: boolean;
  isLast: boolean;
  busy: boolean;
  onChange: (c: Component) => void;
  onExpr: (prop: Flag, text: string | undefined) => void;
  /** onRename answers an error to show at the id field, if any. */
  onRename: (to: string) => Promise<string | undefined>;
  onMove: (delta: number) => void;
  onDelete: () => void;
}

export function Properties(p: PropertiesProps) {
  const c = p.component;
  const [idText, setIdText] = useState(c.id);
  const [idErr, setIdErr] = useState<string>();
  const binds = c.type === 'Input' || c.type === 'TextArea';
  const trb = (c.textResourceBindings ?? {}) as Record<string, unknown>;
  const dmb = (c.dataModelBindings ?? {}) as Record<string, unknown>;
  const binding = str(dmb.simpleBinding);

  async function rename() {
    if (idText.trim() === c.id) {
      setIdErr(undefined);
      return;
    }
    setIdErr(await p.onRename(idText.trim()));
  }

  const fieldOptions = [{ value: '', label: '(none)' }, ...p.fields.map((f) => ({ value: f.path, label: f.path }))];
  if (binding && !p.fields.some((f) => f.path === binding)) fieldOptions.push({ value: binding, label: `${binding} (not in the model)` });

  return (
    <section aria-labelledby="props-h" className="stack">
      <Heading level={3} data-size="xs" id="props-h">
        Properties of {c.id} ({c.type})
      </Heading>
      <div className="row">
        <Button variant="secondary" data-size="sm" disabled={p.isFirst} onClick={() => p.onMove(-1)}>
          Move up
        </Button>
        <Button variant="secondary" data-size="sm" disabled={p.isLast} onClick={() => p.onMove(1)}>
          Move down
        </Button>
        <Button variant="secondary" data-size="sm" data-color="danger" onClick={p.onDelete}>
          Delete component
        </Button>
      </div>
      <div className="row">
        <Textfield
          label="Component id"
          description="Renaming updates every reference to it, as its own commit."
          value={idText}
          error={idErr}
          onChange={(e) => setIdText(e.target.value)}
          onBlur={() => void rename()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void rename();
            }
          }}
        />
        <div>
          <Button variant="secondary" data-size="sm" disabled={p.busy} onClick={() => void rename()}>
            Rename
          </Button>
        </div>
      </div>
      {binds && (
        <SelectField
          label="Data model field"
          description={p.hasModel ? undefined : 'The layout set has no data model; upload one on the Data model page.'}
          value={binding}
          options={fieldOptions}
          onChange={(v) => p.onChange(setIn(c, 'dataModelBindings', 'simpleBinding', v))}
        />
      )}
      <Textfield
        label="Title text key"
        description="The key in the texts, such as navn.ledetekst."
        value={str(trb.title)}
        onChange={(e) => p.onChange(setIn(c, 'textResourceBindings', 'title', e.target.value))}
      />
      {FLAGS.map((f) => (
        <FlagField
          key={f.prop}
          label={f.label}
          exprLabel={f.exprLabel}
          value={c[f.prop]}
          text={p.exprs[f.prop]}
          error={p.exprErrors[f.prop]}
          onValue={(v) => {
            p.onChange(setProp(c, f.prop, v));
            p.onExpr(f.prop, undefined);
          }}
          onText={(t) => p.onExpr(f.prop, t)}
        />
      ))}
    </section>
  );
}

function FlagField(props: {
  label: string;
  exprLabel: string;
  value: unknown;
  text: string | undefined;
  error: string | undefined;
  onValue: (v: true | undefined) => void;
  onText: (t: string) => void;
}) {
  const v = props.value;
  const isExpr = props.text !== undefined || (typeof v === 'object' && v !== null);
  const mode = isExpr ? 'Expression' : v === true ? 'Yes' : 'No';
  return (
    <div className="stack flag">
      <SelectField
        label={props.label}
        value={mode}
        options={['No', 'Yes', 'Expression']}
        onChange={(m) => {
          if (m === 'Yes') props.onValue(true);
          else if (m === 'No') props.onValue(undefined);
          else props.onText(Array.isArray(v) ? JSON.stringify(v) : '');
        }}
      />
      {isExpr && (
        <Textfield
          multiline
          rows={2}
          label={props.exprLabel}
          description='Such as ["equals", ["component", "id"], "ja"].'
          value={props.text ?? JSON.stringify(v)}
          error={props.error}
          onChange={(e) => props.onText(e.target.value)}
        />
      )}
    </div>
  );
}
