// A labelled native select (Designsystemet's Select in a Field), since Select has no
// label of its own; the label is tied to it by id.
import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { useId } from 'react';

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: {
  label: string;
  value: string;
  options: (Option | string)[];
  onChange: (value: string) => void;
  description?: string;
  disabled?: boolean;
  error?: string;
}) {
  const id = useId();
  const descId = props.description ? id + '-desc' : undefined;
  const errId = props.error ? id + '-err' : undefined;
  return (
    <Field>
      <Label htmlFor={id}>{props.label}</Label>
      {props.description && (
        <Field.Description id={descId}>{props.description}</Field.Description>
      )}
      <Select
        id={id}
        value={props.value}
        disabled={props.disabled}
        aria-describedby={[descId, errId].filter(Boolean).join(' ') || undefined}
        aria-invalid={props.error ? true : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.options.map((o) => {
          const opt = typeof o === 'string' ? { value: o, label: o } : o;
          return (
            <Select.Option key={opt.value} value={opt.value}>
              {opt.label}
            </Select.Option>
          );
        })}
      </Select>
      {props.error && <ValidationMessage id={errId}>{props.error}</ValidationMessage>}
    </Field>
  );
}
