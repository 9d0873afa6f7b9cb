import type { ReactNode } from 'react';

import { ChoiceGroup, type ChoiceOption } from './ChoiceGroup';

export type RadioOption<Value extends string> = ChoiceOption<Value>;

interface RadioGroupFieldProps<Value extends string> {
  id: string;
  legend: ReactNode;
  options: readonly RadioOption<Value>[];
  value: Value | '';
  onValueChange: (value: Value) => void;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
}

/** A fieldset of large radio buttons: easier to hit and read than a dropdown for a handful of choices. */
export function RadioGroupField<Value extends string>({
  value,
  onValueChange,
  ...group
}: RadioGroupFieldProps<Value>) {
  return (
    <ChoiceGroup
      {...group}
      type="radio"
      isChecked={(option) => value === option}
      onToggle={(option) => onValueChange(option)}
    />
  );
}
