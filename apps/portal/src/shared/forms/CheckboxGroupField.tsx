import type { ReactNode } from 'react';

import { ChoiceGroup, type ChoiceOption } from './ChoiceGroup';

export type CheckboxOption<Value extends string> = ChoiceOption<Value>;

interface CheckboxGroupFieldProps<Value extends string> {
  id: string;
  legend: ReactNode;
  options: readonly CheckboxOption<Value>[];
  value: readonly Value[];
  onValueChange: (value: Value[]) => void;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
}

/** Several choices at once, as a fieldset of large checkboxes. The value keeps the options' order. */
export function CheckboxGroupField<Value extends string>({
  value,
  onValueChange,
  ...group
}: CheckboxGroupFieldProps<Value>) {
  const toggle = (option: Value, checked: boolean) => {
    const next = new Set(value);
    if (checked) next.add(option);
    else next.delete(option);
    onValueChange(
      group.options.map((candidate) => candidate.value).filter((candidate) => next.has(candidate)),
    );
  };
  return (
    <ChoiceGroup
      {...group}
      type="checkbox"
      isChecked={(option) => value.includes(option)}
      onToggle={toggle}
    />
  );
}
