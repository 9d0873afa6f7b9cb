import { useState } from 'react';

/**
 * A form's values, edited a patch at a time. Editing a field clears its problem (`clear` from
 * useFormProblems), so a message goes away as soon as the person starts correcting it; `alsoClears`
 * names the other fields whose problem an edit can settle too.
 */
export function useFormValues<Values extends object>(
  initial: Values,
  clear: (name: string) => void,
  alsoClears: { readonly [Name in keyof Values]?: readonly string[] } = {},
) {
  const [values, setValues] = useState(initial);
  const edit = (patch: Partial<Values>) => {
    setValues((current) => ({ ...current, ...patch }));
    for (const name of Object.keys(patch) as (keyof Values & string)[]) {
      clear(name);
      for (const other of alsoClears[name] ?? []) clear(other);
    }
  };
  return [values, edit] as const;
}
