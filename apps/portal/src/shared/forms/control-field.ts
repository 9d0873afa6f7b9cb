import type { ReactNode } from 'react';

import { describedBy } from './field-ids';

/** What a single-control field (text box, dropdown) takes, whatever its control. */
export interface ControlFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onValueChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | undefined;
  /** Marks the label "(optional)"; required fields carry no marker, as most fields are required. */
  optional?: boolean;
}

export type ControlField = Omit<ControlFieldProps, 'optional'> & { optional: boolean };

/** Separates a field's own props from the rest, which go to its control element as they are. */
export function splitFieldProps<Props extends ControlFieldProps>({
  id,
  label,
  value,
  onValueChange,
  hint,
  error,
  optional = false,
  ...control
}: Props) {
  const field: ControlField = { id, label, value, onValueChange, hint, error, optional };
  return [field, control] as const;
}

/** The control's attributes that follow from its field: name, value, required, invalid state, descriptions. */
export function controlAttributes(field: ControlField, describedById?: string) {
  const { id, error } = field;
  return {
    id,
    name: id,
    value: field.value,
    onChange: (event: { target: { value: string } }) => field.onValueChange(event.target.value),
    required: !field.optional,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, {
      hint: Boolean(field.hint),
      error: Boolean(error),
      extra: describedById,
    }),
  };
}
