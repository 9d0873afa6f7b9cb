import type { ReactNode, SelectHTMLAttributes } from 'react';

import { controlAttributes, type ControlFieldProps, splitFieldProps } from './control-field';
import { LabelledField } from './FieldParts';

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'>;

export interface SelectFieldProps extends SelectProps, ControlFieldProps {
  /** `<option>` / `<optgroup>` elements. */
  children: ReactNode;
}

export function SelectField({ children, ...props }: SelectFieldProps) {
  const [field, select] = splitFieldProps(props);
  return (
    <LabelledField field={field}>
      <select {...controlAttributes(field)} className="input select" {...select}>
        {children}
      </select>
    </LabelledField>
  );
}
