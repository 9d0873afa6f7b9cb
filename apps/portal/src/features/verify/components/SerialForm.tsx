import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { paths } from '../../../app/paths';
import { TextField } from '../../../shared/forms/TextField';
import { normaliseSerial } from '../credential-file';

/** Type the serial printed on a certificate and open its verification page. */
export function SerialForm({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | undefined>(undefined);
  const formRef = useRef<HTMLFormElement>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const serial = normaliseSerial(value);
    if (!serial) {
      setError(value.trim() === '' ? t('verify.serial.required') : t('verify.serial.invalid'));
      formRef.current?.querySelector<HTMLInputElement>('#serial')?.focus();
      return;
    }
    setError(undefined);
    void navigate(paths.verifyCertificate(serial));
  };

  return (
    <form ref={formRef} className="form" noValidate onSubmit={onSubmit}>
      <TextField
        id="serial"
        label={t('verify.serial.label')}
        hint={t('verify.serial.hint')}
        value={value}
        onValueChange={(next) => {
          setValue(next);
          setError(undefined);
        }}
        error={error}
        autoCapitalize="characters"
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        enterKeyHint="search"
      />
      <div className="actions">
        <button type="submit" className="button">
          {t('verify.serial.submit')}
        </button>
      </div>
    </form>
  );
}
