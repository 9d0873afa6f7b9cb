import { PASSWORD_MIN_LENGTH, passwordProblems, type PasswordRule } from '@hocvu/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { TextField, type TextFieldProps } from './TextField';

interface PasswordFieldProps extends Omit<TextFieldProps, 'type' | 'after' | 'describedById'> {
  /** New passwords show the shared rules as a live checklist; the current password does not. */
  showRules?: boolean;
  autoComplete: 'current-password' | 'new-password';
}

const CHECKLIST: readonly Exclude<PasswordRule, 'maxLength'>[] = ['minLength', 'letter', 'digit'];

export function PasswordField({ id, value, showRules = false, ...field }: PasswordFieldProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  const toggleId = useId();
  const rulesId = `${id}-rules`;
  const broken = passwordProblems(value);

  return (
    <TextField
      {...field}
      id={id}
      value={value}
      type={visible ? 'text' : 'password'}
      autoCapitalize="none"
      autoCorrect="off"
      spellCheck={false}
      describedById={showRules ? rulesId : undefined}
      after={
        <>
          {showRules ? (
            <ul className="rules" id={rulesId} aria-label={t('password.rulesTitle')}>
              {CHECKLIST.map((rule) => {
                const met = value !== '' && !broken.includes(rule);
                return (
                  <li key={rule} className={met ? 'rules__item rules__item--met' : 'rules__item'}>
                    <span aria-hidden="true" className="rules__mark">
                      {met ? '✓' : '•'}
                    </span>
                    {t(`password.rules.${rule}`, { min: PASSWORD_MIN_LENGTH })}
                    <span className="visually-hidden">
                      {' '}
                      ({met ? t('password.ruleMet') : t('password.ruleNotMet')})
                    </span>
                  </li>
                );
              })}
            </ul>
          ) : null}
          <div className="check">
            <input
              id={toggleId}
              type="checkbox"
              className="check__input"
              checked={visible}
              onChange={(event) => setVisible(event.target.checked)}
            />
            <label htmlFor={toggleId} className="check__label">
              {t('password.showCharacters')}
            </label>
          </div>
        </>
      }
    />
  );
}
