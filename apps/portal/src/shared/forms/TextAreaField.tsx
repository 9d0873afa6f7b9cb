import type { TextareaHTMLAttributes } from 'react';

import { controlAttributes, type ControlFieldProps, splitFieldProps } from './control-field';
import { LabelledField } from './FieldParts';

type TextAreaProps = Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id' | 'value' | 'onChange' | 'children'
>;

export interface TextAreaFieldProps extends TextAreaProps, ControlFieldProps {}

/** Several lines of text (a summary, a lesson's Markdown): the same label, hint and error as a text box. */
export function TextAreaField({ className, rows = 4, ...props }: TextAreaFieldProps) {
  const [field, textarea] = splitFieldProps(props);
  return (
    <LabelledField field={field}>
      <textarea
        {...controlAttributes(field)}
        className={`input textarea${className ? ` ${className}` : ''}`}
        rows={rows}
        {...textarea}
      />
    </LabelledField>
  );
}
