import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api, ApiError, call } from '../../api/client';
import { session } from '../../api/session-store';
import { Field, fieldError } from '../../components/field';
import { FormError } from '../../components/states';
import { homeOf } from './auth-redirect';

type Role = 'worker' | 'employer' | 'provider';

export default function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [role, setRole] = useState<Role>('worker');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const register = useMutation({
    mutationFn: async () => {
      await call(api.POST('/api/v1/auth/register', { body: { role, displayName, email, password } }));
      return call(api.POST('/api/v1/auth/login', { body: { email, password } }));
    },
    onSuccess: (auth) => {
      session.signedIn(auth);
      navigate(homeOf(auth.account, null), { replace: true });
    },
  });
  const error = register.error;
  const taken = error instanceof ApiError && error.status === 409;

  return (
    <div className="container my-5" style={{ maxWidth: '36rem' }}>
      <h1 className="h2 mb-4">{t('auth.signUpTitle')}</h1>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          register.mutate();
        }}
      >
        {taken ? (
          <div className="alert alert-danger" role="alert">
            {t('auth.emailTaken')}
          </div>
        ) : (
          <FormError error={error} />
        )}
        <fieldset className="mb-4">
          <legend className="h6 fw-semibold">{t('auth.iAm')}</legend>
          {(['worker', 'employer', 'provider'] as Role[]).map((r) => (
            <div className="form-check" key={r}>
              <input id={`role-${r}`} name="role" type="radio" checked={role === r} onChange={() => setRole(r)} />
              <label htmlFor={`role-${r}`}>{t(`roles.${r}`)}</label>
            </div>
          ))}
        </fieldset>
        <Field label={t('auth.displayName')} autoComplete="name" value={displayName} onChange={setDisplayName} error={fieldError(error, 'displayName')} required />
        <Field label={t('auth.email')} type="email" autoComplete="email" value={email} onChange={setEmail} error={fieldError(error, 'email')} required />
        <Field
          label={t('auth.password')}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={fieldError(error, 'password')}
          hint={t('auth.passwordHint')}
          required
        />
        <button type="submit" className="btn btn-primary" disabled={register.isPending}>
          {t('auth.signUp')}
        </button>
      </form>
      <p className="mt-4">
        {t('auth.haveAccount')} <Link to="/accedi">{t('auth.signIn')}</Link>
      </p>
    </div>
  );
}
