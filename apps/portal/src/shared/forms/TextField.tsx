import type { InputHTMLAttributes, ReactNode } from 'react';

import { controlAttributes, type ControlFieldProps, splitFieldProps } from './control-field';
import { LabelledField } from './FieldParts';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'children'>;

export interface TextFieldProps extends InputProps, ControlFieldProps {
  /** Extra id(s) to add to aria-describedby (e.g. a rules checklist). */
  describedById?: string;
  /** Rendered after the input, inside the field (e.g. a "show password" toggle). */
  after?: ReactNode;
}

export function TextField({ describedById, after, className, ...props }: TextFieldProps) {
  const [field, input] = splitFieldProps(props);
  return (
    <LabelledField field={field}>
      <input
        {...controlAttributes(field, describedById)}
        className={`input${className ? ` ${className}` : ''}`}
        {...input}
      />
      {after}
    </LabelledField>
  );
}
