// The components of the selected page in their order, and adding one at the end.
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { SelectField } from '../../ui/SelectField';
import { COMPONENT_TYPES, type Component, type ComponentType } from './layout';

export function ComponentList(props: {
  list: Component[];
  selected: string;
  canEdit: boolean;
  onSelect: (id: string) => void;
  onAdd: (type: ComponentType) => void;
}) {
  const [type, setType] = useState<ComponentType>('Input');
  function submit(e: FormEvent) {
    e.preventDefault();
    props.onAdd(type);
  }
  return (
    <>
      {props.list.length === 0 ? (
        <Paragraph>The page has no components yet.</Paragraph>
      ) : (
        <ol className="picker" aria-label="Components">
          {props.list.map((c, i) => (
            <li key={`${c.id}-${i}`}>
              <Button
                variant={c.id === props.selected ? 'primary' : 'tertiary'}
                data-size="sm"
                aria-current={c.id === props.selected ? 'true' : undefined}
                onClick={() => props.onSelect(c.id)}
              >
                {c.id} ({c.type})
              </Button>
            </li>
          ))}
        </ol>
      )}
      {props.canEdit && (
        <form onSubmit={submit} noValidate className="row" aria-labelledby="add-comp-h">
          <Heading level={3} data-size="xs" id="add-comp-h" className="sr-only">
            Add a component
          </Heading>
          <SelectField
            label="Component type"
            value={type}
            options={[...COMPONENT_TYPES]}
            onChange={(v) => setType(v as ComponentType)}
          />
          <div>
            <Button type="submit" variant="secondary">
              Add component
            </Button>
          </div>
        </form>
      )}
    </>
  );
}
